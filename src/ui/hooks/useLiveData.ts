import { useCallback, useEffect, useRef, useState } from 'react';
import type { TuiBackend } from '../backend.js';
import { emptyLiveData, guestsFrom, nodesFrom, type LiveData } from '../live/live-model.js';

const noEvents = { emit: () => undefined };
const fresh = { fresh: true };

/**
 * What the live view shows, read while it is open and again every
 * `intervalMs`: list_vms and list_nodes through the backend's scheduler, so
 * each read is checked by the policy and audited (origin tui); no model is
 * involved. The reads skip the cache's answer (a change made outside shows
 * at the next refresh, not after the cache's lifetime) and refresh it. Closing the view aborts a read in
 * flight. `refresh` reads at once (after a power action).
 */
export function useLiveData(
  backend: TuiBackend,
  open: boolean,
  intervalMs: number,
  now: () => number,
): { data: LiveData; refresh: () => void } {
  const [data, setData] = useState<LiveData>(emptyLiveData);
  const wake = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (!open) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const read = async () => {
      const [guests, nodes] = await Promise.all([
        backend.callTool('list_vms', { limit: 500 }, noEvents, abort.signal, fresh),
        backend.callTool('list_nodes', {}, noEvents, abort.signal, fresh),
      ]);
      if (abort.signal.aborted) return;
      const failed = [guests, nodes].find((outcome) => outcome.status !== 'ok' && outcome.status !== 'cached');
      setData((before) => ({
        guests: failed === guests ? before.guests : guestsFrom(guests.structured),
        nodes: failed === nodes ? before.nodes : nodesFrom(nodes.structured),
        at: failed ? before.at : now(),
        error: failed ? `${failed.tool}: ${failed.status}: ${failed.summary}` : null,
      }));
    };
    const loop = () => {
      timer = null;
      read()
        .catch((error: unknown) => {
          if (!abort.signal.aborted)
            setData((before) => ({ ...before, error: error instanceof Error ? error.message : String(error) }));
        })
        .finally(() => {
          if (!abort.signal.aborted) timer = setTimeout(loop, intervalMs);
        });
    };
    wake.current = () => {
      if (timer === null) return;
      clearTimeout(timer);
      loop();
    };
    loop();
    return () => {
      abort.abort();
      wake.current = null;
      if (timer !== null) clearTimeout(timer);
    };
  }, [backend, open, intervalMs, now]);

  const refresh = useCallback(() => wake.current?.(), []);
  return { data, refresh };
}
