import type { ApiCall } from '../api/route.js';
import { serverError } from '../server/api-error.js';
import type { GuestState } from '../state/model.js';
import { applyPending } from './config-update.js';
import { startOutcome } from './start-outcome.js';
import { markRunning, markStopped, onFullThinPool } from './transitions.js';
import { lockOutcome, startGuestTask } from './worker.js';

/** The power actions of qemu-server's and pve-container's status API: each forks a worker and returns its UPID. */

export type PowerAction = 'start' | 'stop' | 'shutdown' | 'reboot' | 'reset' | 'suspend' | 'resume';

const prefix = (guest: GuestState) => (guest.type === 'qemu' ? 'qm' : 'vz');
const noun = (guest: GuestState) => (guest.type === 'qemu' ? 'VM' : 'CT');

export function powerAction(call: ApiCall, guest: GuestState, action: PowerAction): string {
  const skiplock = call.params.skiplock === 1;
  const locked = lockOutcome(guest, skiplock);
  switch (action) {
    case 'start':
      return guest.ha ? haRequest(call, guest, 'start') : start(call, guest, skiplock);
    case 'stop':
      return guest.ha ? haRequest(call, guest, 'stop') : stop(call, guest, 'stop', skiplock);
    case 'shutdown':
      if (guest.type === 'qemu' && guest.running && guest.qmpstatus !== 'running' && call.params.forceStop !== 1) {
        throw serverError('VM is paused - cannot shutdown');
      }
      return guest.ha ? haRequest(call, guest, 'stop') : stop(call, guest, 'shutdown', skiplock);
    case 'reboot':
      requireRunning(guest);
      return startGuestTask(call, guest, {
        type: `${prefix(guest)}reboot`,
        outcome: locked,
        effect: (at) => (guest.startedAt = Math.floor(at / 1000)),
      });
    case 'reset':
      // A hard reset of the machine: the QEMU process (and so the uptime Proxmox shows) lives on.
      requireRunning(guest);
      return startGuestTask(call, guest, { type: 'qmreset', outcome: locked });
    case 'suspend':
      requireRunning(guest);
      return startGuestTask(call, guest, {
        type: `${prefix(guest)}suspend`,
        outcome: locked,
        effect: () => suspend(guest, call.params.todisk === 1),
      });
    case 'resume':
      requireRunning(guest);
      return startGuestTask(call, guest, {
        type: `${prefix(guest)}resume`,
        outcome: { lines: [], exitstatus: 'OK' },
        effect: () => (guest.qmpstatus = onFullThinPool(call.sim.cluster, guest) ? 'io-error' : 'running'),
      });
  }
}

function requireRunning(guest: GuestState): void {
  if (!guest.running) throw serverError(`${noun(guest)} ${guest.vmid} not running`);
}

/** Pauses in RAM, or with `todisk` hibernates: stopped, with the `suspended` lock until resumed. */
function suspend(guest: GuestState, toDisk: boolean): void {
  if (!toDisk) {
    guest.qmpstatus = 'paused';
    return;
  }
  markStopped(guest);
  guest.lock = 'suspended';
}

function start(
  call: ApiCall,
  guest: GuestState,
  skiplock: boolean,
  from?: { user: string; startedAt: number },
): string {
  applyPending(guest);
  return startGuestTask(call, guest, {
    type: `${prefix(guest)}start`,
    outcome: startOutcome(call.sim.cluster, guest, skiplock),
    effect: (at) => markRunning(call.sim.cluster, guest, at),
    ...from,
  });
}

function stop(call: ApiCall, guest: GuestState, kind: 'stop' | 'shutdown', skiplock: boolean): string {
  return startGuestTask(call, guest, {
    type: `${prefix(guest)}${kind}`,
    outcome: lockOutcome(guest, skiplock),
    effect: () => markStopped(guest),
  });
}

/**
 * An HA-managed guest: the task only asks the HA stack; the LRM then starts
 * or stops it, and a start that fails puts the service into the error state.
 */
function haRequest(call: ApiCall, guest: GuestState, request: 'start' | 'stop'): string {
  const sid = `${guest.type === 'qemu' ? 'vm' : 'ct'}:${guest.vmid}`;
  if (guest.ha?.state === 'error')
    throw serverError(`service '${sid}' in error state, must be disabled and fixed first`);
  const line = `Requesting HA ${request} for ${noun(guest)} ${guest.vmid}`;
  return startGuestTask(call, guest, {
    type: `ha${request}`,
    outcome: { lines: [line], exitstatus: 'OK' },
    effect: (at) => {
      const ha = guest.ha!;
      ha.state = request === 'stop' ? 'stopped' : 'started';
      if (request === 'stop') return markStopped(guest);
      if (guest.running) return;
      const failed = startOutcome(call.sim.cluster, guest).exitstatus !== 'OK';
      start(call, guest, false, { user: 'root@pam', startedAt: at });
      if (!failed) return;
      ha.state = 'error';
      const lrm = `pve-ha-lrm[${call.sim.cluster.daemonPid(guest.node) + 3}]`;
      call.sim.cluster.journal.log(guest.node, `${lrm}: unable to start service ${sid}`, at);
      call.sim.cluster.journal.log(
        guest.node,
        `${lrm}: unable to start service ${sid} on local node after 1 retries`,
        at,
      );
    },
  });
}
