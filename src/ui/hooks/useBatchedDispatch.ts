import { useCallback, useEffect, useRef, type Dispatch } from 'react';
import type { UiAction } from '../state/ui-reducer.js';

/**
 * Dispatch for the stream of agent events: actions queue up and reach the
 * reducer together, at most once per `frameMs` (each dispatch is a React
 * commit and an Ink frame; a model streams far more tokens than a screen
 * needs frames). Order is kept; a burst within one tick is one commit.
 */
export function useBatchedDispatch(
  dispatch: Dispatch<UiAction>,
  frameMs: number,
  now: () => number,
): (action: UiAction) => void {
  const pending = useRef<UiAction[]>([]);
  const scheduled = useRef(false);
  const timer = useRef<NodeJS.Timeout | null>(null);
  const last = useRef(-Infinity);

  const flush = useCallback(() => {
    scheduled.current = false;
    timer.current = null;
    last.current = now();
    const actions = pending.current.splice(0);
    if (actions.length === 1) dispatch(actions[0]!);
    else if (actions.length > 1) dispatch({ type: 'batch', actions });
  }, [dispatch, now]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return useCallback(
    (action: UiAction) => {
      pending.current.push(action);
      if (scheduled.current) return;
      scheduled.current = true;
      const wait = last.current + frameMs - now();
      if (wait <= 0) queueMicrotask(flush);
      else timer.current = setTimeout(flush, wait);
    },
    [flush, frameMs, now],
  );
}
