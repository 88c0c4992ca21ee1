import { ok, type ApiCall, type Route } from '../api/route.js';
import { agentConfigured } from '../guests/guest-views.js';
import { serverError } from '../server/api-error.js';
import type { GuestState } from '../state/model.js';
import { guestOf } from './lookup.js';

const commands = {
  ping: { qga: 'guest-ping', result: () => ({}) },
  'get-osinfo': { qga: 'guest-get-osinfo', result: (guest: GuestState) => guest.agent!.osinfo },
  'network-get-interfaces': {
    qga: 'guest-network-get-interfaces',
    result: (guest: GuestState) => guest.agent!.interfaces,
  },
} as const;

/**
 * qemu-server's Agent.pm checks in order: agent configured, VM running, agent
 * answering. A paused VM's agent never answers, so the command times out
 * (worded `qga` from PVE 9.1, `qmp` before).
 */
function agentCall(call: ApiCall, command: keyof typeof commands) {
  const guest = guestOf(call.sim.cluster, call.params.node, call.params.vmid, 'qemu');
  if (!agentConfigured(guest)) throw serverError('No QEMU guest agent configured');
  if (!guest.running) throw serverError(`VM ${guest.vmid} is not running`);
  if (!guest.agent) throw serverError('QEMU guest agent is not running');
  if (guest.qmpstatus !== 'running') {
    const [major = 0, minor = 0] = call.sim.cluster.info.pveVersion.split('.').map(Number);
    const channel = major > 9 || (major === 9 && minor >= 1) ? 'qga' : 'qmp';
    throw serverError(`VM ${guest.vmid} ${channel} command '${commands[command].qga}' failed - got timeout`);
  }
  return ok({ result: commands[command].result(guest) });
}

export const agentRoutes: Route[] = [
  { method: 'POST', template: '/nodes/{node}/qemu/{vmid}/agent/ping', handler: (call) => agentCall(call, 'ping') },
  {
    method: 'GET',
    template: '/nodes/{node}/qemu/{vmid}/agent/get-osinfo',
    handler: (call) => agentCall(call, 'get-osinfo'),
  },
  {
    method: 'GET',
    template: '/nodes/{node}/qemu/{vmid}/agent/network-get-interfaces',
    handler: (call) => agentCall(call, 'network-get-interfaces'),
  },
];
