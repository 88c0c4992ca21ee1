import { ok, type ApiCall, type Route } from '../api/route.js';
import { agentConfigured } from '../guests/guest-views.js';
import { serverError } from '../server/api-error.js';
import { guestDisks } from '../state/guest-config.js';
import type { GuestState } from '../state/model.js';
import { guestOf } from './lookup.js';

const commands = {
  ping: { qga: 'guest-ping', result: () => ({}) },
  'get-osinfo': { qga: 'guest-get-osinfo', result: (guest: GuestState) => guest.agent!.osinfo },
  'network-get-interfaces': {
    qga: 'guest-network-get-interfaces',
    result: (guest: GuestState) => guest.agent!.interfaces,
  },
  'get-fsinfo': { qga: 'guest-get-fsinfo', result: (guest: GuestState) => guest.agent!.fsinfo ?? fileSystems(guest) },
  'get-host-name': {
    qga: 'guest-get-host-name',
    result: (guest: GuestState) => ({ 'host-name': guest.agent!.hostName ?? guest.name }),
  },
  info: {
    qga: 'guest-info',
    result: (guest: GuestState) => ({
      version: guest.agent!.version,
      supported_commands: agentCommands.map((name) => ({ name, enabled: true, 'success-response': true })),
    }),
  },
} as const;

const agentCommands = [
  'guest-info',
  'guest-ping',
  'guest-get-osinfo',
  'guest-get-host-name',
  'guest-get-fsinfo',
  'guest-network-get-interfaces',
  'guest-fsfreeze-freeze',
  'guest-fsfreeze-thaw',
  'guest-fsfreeze-status',
  'guest-shutdown',
];

/** One ext4 file system per configured disk, / on the first, as a Linux guest's agent reports them. */
function fileSystems(guest: GuestState) {
  return guestDisks(guest.type, guest.config)
    .filter((disk) => !disk.cdrom && disk.key !== 'efidisk0' && disk.key !== 'tpmstate0')
    .map((disk, index) => {
      const device = `sd${String.fromCharCode(97 + index)}`;
      const total = Math.round(disk.sizeBytes * 0.96);
      return {
        name: `${device}1`,
        mountpoint: index === 0 ? '/' : `/srv/data${index}`,
        type: 'ext4',
        'total-bytes': total,
        'used-bytes': Math.round(total * (0.25 + ((guest.vmid * 7 + index * 13) % 50) / 100)),
        disk: [
          {
            'bus-type': 'scsi',
            bus: 0,
            target: 0,
            unit: index,
            serial: `drive-${disk.key}`,
            dev: `/dev/${device}1`,
            'pci-controller': { domain: 0, bus: 1, slot: 1 + index, function: 0 },
          },
        ],
      };
    });
}

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
  ...(['get-fsinfo', 'get-host-name', 'info'] as const).map((command): Route => ({
    method: 'GET',
    template: `/nodes/{node}/qemu/{vmid}/agent/${command}`,
    handler: (call) => agentCall(call, command),
  })),
];
