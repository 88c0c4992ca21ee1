import type { ToolContext } from '../../src/core/tool.js';
import type { GuestSummary } from '../../src/proxmox/schemas/index.js';

/**
 * Proxmox reports a QEMU guest whose vCPUs are stopped as `running`; only QMP
 * knows it is paused, and why. These are the reasons QMP gives, in words.
 */
const pauseReasons: Record<string, string> = {
  'io-error': 'a disk write failed: storage full or failing',
  paused: 'paused by hand or by a backup',
  suspended: 'suspended to memory',
  prelaunch: 'started paused, waiting to run',
  inmigrate: 'receiving a migration',
  postmigrate: 'migrated away, waiting to be stopped',
  'finish-migrate': 'finishing a migration',
  watchdog: 'stopped by its watchdog',
  'guest-panicked': 'the guest kernel panicked',
  'internal-error': 'QEMU hit an internal error',
  shutdown: 'shut down inside, QEMU still running',
};

export interface RunState {
  /** `running`, `stopped`, `paused` (running with a QMP status other than running), or what Proxmox said. */
  status: string;
  /** The QMP status behind `paused`, e.g. io-error. */
  pausedBy?: string;
}

export function runState(status: string | undefined, qmpstatus: string | undefined): RunState {
  const said = status ?? 'unknown';
  if (said !== 'running' || qmpstatus === undefined || qmpstatus === 'running') return { status: said };
  return { status: 'paused', pausedBy: qmpstatus };
}

/** "paused (io-error)" for tables; plain status otherwise. */
export function shortRunState(state: RunState): string {
  return state.pausedBy ? `${state.status} (${state.pausedBy})` : state.status;
}

/** "paused (io-error: a disk write failed: storage full or failing)" for one guest. */
export function longRunState(state: RunState): string {
  if (!state.pausedBy) return state.status;
  const why = pauseReasons[state.pausedBy];
  return `${state.status} (${state.pausedBy}${why ? `: ${why}` : ''})`;
}

/**
 * The QMP status of every running VM on `nodes`, one guest list with `full`
 * per node (only it carries `qmpstatus`). A node that cannot answer leaves its guests as Proxmox listed them.
 */
export async function qmpStatuses(ctx: ToolContext, nodes: readonly string[]): Promise<Map<number, string>> {
  const lists = await Promise.all(
    nodes.map((node) =>
      ctx.proxmox.guests
        .list(node, 'qemu', { full: true }, { signal: ctx.signal })
        .catch((error: unknown): GuestSummary[] => {
          if (ctx.signal.aborted) throw error;
          return [];
        }),
    ),
  );
  const statuses = new Map<number, string>();
  for (const item of lists.flat()) if (item.qmpstatus) statuses.set(item.vmid, item.qmpstatus);
  return statuses;
}
