import type { ApiCall } from '../api/route.js';
import type { GuestState } from '../state/model.js';
import type { TaskOutcome } from './start-outcome.js';

export interface GuestTask {
  type: string;
  outcome: TaskOutcome;
  /** Runs when the task ends, only on success, with the sim-clock ms it ended at. */
  effect?: (endedAt: number) => void;
  /** Default: the caller's id. */
  user?: string;
  /** Sim-clock ms; default now. */
  startedAt?: number;
}

/** Forks a worker for a guest: returns its UPID at once; the outcome shows when the task ends on the sim clock. */
export function startGuestTask(call: ApiCall, guest: GuestState, task: GuestTask): string {
  const succeeded = task.outcome.exitstatus === 'OK';
  const record = call.sim.cluster.tasks.create({
    node: guest.node,
    type: task.type,
    id: String(guest.vmid),
    user: task.user ?? call.identity.authid,
    lines: task.outcome.lines,
    exitstatus: task.outcome.exitstatus,
    durationMs: call.sim.taskDurationMs,
    ...(task.startedAt !== undefined ? { startedAt: task.startedAt } : {}),
    ...(succeeded && task.effect ? { onEnd: task.effect } : {}),
  });
  return record.upid;
}

/** `VM is locked (backup)` unless the caller passed skiplock; the check qemu-server runs inside most workers. */
export function lockOutcome(guest: GuestState, skiplock: boolean): TaskOutcome {
  if (guest.lock && !skiplock)
    return { lines: [], exitstatus: `${guest.type === 'qemu' ? 'VM' : 'CT'} is locked (${guest.lock})` };
  return { lines: [], exitstatus: 'OK' };
}
