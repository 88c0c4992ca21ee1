import type { ApiCall } from '../api/route.js';
import { serverError } from '../server/api-error.js';
import type { GuestState } from '../state/model.js';
import { startOutcome } from './start-outcome.js';
import { markRunning, markStopped, onFullThinPool } from './transitions.js';
import { lockOutcome, startGuestTask } from './worker.js';

/** The power actions of qemu-server's and pve-container's status API: each forks a worker and returns its UPID. */

export type PowerAction = 'start' | 'stop' | 'shutdown' | 'reboot' | 'suspend' | 'resume';

const prefix = (guest: GuestState) => (guest.type === 'qemu' ? 'qm' : 'vz');
const noun = (guest: GuestState) => (guest.type === 'qemu' ? 'VM' : 'CT');

export function powerAction(call: ApiCall, guest: GuestState, action: PowerAction): string {
  const skiplock = call.params.skiplock === 1;
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
      return startGuestTask(call, guest, `${prefix(guest)}reboot`, lockOutcome(guest, skiplock), () => {
        guest.startedAt = call.sim.cluster.nowSeconds();
      });
    case 'suspend':
      requireRunning(guest);
      return startGuestTask(call, guest, `${prefix(guest)}suspend`, lockOutcome(guest, skiplock), () => {
        if (call.params.todisk === 1) {
          markStopped(guest);
          guest.lock = 'suspended';
        } else {
          guest.qmpstatus = 'paused';
        }
      });
    case 'resume':
      requireRunning(guest);
      return startGuestTask(call, guest, `${prefix(guest)}resume`, { lines: [], exitstatus: 'OK' }, () => {
        guest.qmpstatus = onFullThinPool(call.sim.cluster, guest) ? 'io-error' : 'running';
      });
  }
}

function requireRunning(guest: GuestState): void {
  if (!guest.running) throw serverError(`${noun(guest)} ${guest.vmid} not running`);
}

function start(call: ApiCall, guest: GuestState, skiplock: boolean, user?: string): string {
  const outcome = startOutcome(call.sim.cluster, guest, skiplock);
  return startGuestTask(call, guest, `${prefix(guest)}start`, outcome, () => markRunning(call.sim.cluster, guest), user);
}

function stop(call: ApiCall, guest: GuestState, kind: 'stop' | 'shutdown', skiplock: boolean): string {
  return startGuestTask(call, guest, `${prefix(guest)}${kind}`, lockOutcome(guest, skiplock), () => markStopped(guest));
}

/**
 * An HA-managed guest: the task only asks the HA stack; the LRM then starts
 * or stops it, and a start that fails puts the service into the error state.
 */
function haRequest(call: ApiCall, guest: GuestState, request: 'start' | 'stop'): string {
  const sid = `${guest.type === 'qemu' ? 'vm' : 'ct'}:${guest.vmid}`;
  if (guest.ha?.state === 'error') throw serverError(`service '${sid}' in error state, must be disabled and fixed first`);
  const line = `Requesting HA ${request} for ${noun(guest)} ${guest.vmid}`;
  return startGuestTask(call, guest, `ha${request}`, { lines: [line], exitstatus: 'OK' }, () => {
    const ha = guest.ha!;
    if (request === 'stop') {
      ha.state = 'stopped';
      markStopped(guest);
      return;
    }
    ha.state = 'started';
    if (guest.running) return;
    const outcome = startOutcome(call.sim.cluster, guest);
    start(call, guest, false, 'root@pam');
    if (outcome.exitstatus === 'OK') return;
    ha.state = 'error';
    const lrm = `pve-ha-lrm[${call.sim.cluster.daemonPid(guest.node) + 3}]`;
    call.sim.cluster.journal.log(guest.node, `${lrm}: unable to start service ${sid}`);
    call.sim.cluster.journal.log(guest.node, `${lrm}: unable to start service ${sid} on local node after 1 retries`);
  });
}
