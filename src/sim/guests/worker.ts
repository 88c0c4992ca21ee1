import type { ApiCall } from '../api/route.js';
import type { GuestState } from '../state/model.js';
import type { TaskOutcome } from './start-outcome.js';

/**
 * Forks a worker for a guest: returns its UPID at once; the outcome shows when
 * the task ends on the sim clock, and `effect` runs then, only on success.
 */
export function startGuestTask(call: ApiCall, guest: GuestState, type: string, outcome: TaskOutcome, effect?: () => void, user = call.identity.authid): string {
  const succeeded = outcome.exitstatus === 'OK';
  const task = call.sim.cluster.tasks.create({
    node: guest.node,
    type,
    id: String(guest.vmid),
    user,
    lines: outcome.lines,
    exitstatus: outcome.exitstatus,
    durationMs: call.sim.taskDurationMs,
    ...(succeeded && effect ? { onEnd: effect } : {}),
  });
  return task.upid;
}

/** `VM is locked (backup)` unless the caller passed skiplock; the check qemu-server runs inside most workers. */
export function lockOutcome(guest: GuestState, skiplock: boolean): TaskOutcome {
  if (guest.lock && !skiplock) return { lines: [], exitstatus: `${guest.type === 'qemu' ? 'VM' : 'CT'} is locked (${guest.lock})` };
  return { lines: [], exitstatus: 'OK' };
}
