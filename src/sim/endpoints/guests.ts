import { ok, type ApiCall, type Route } from '../api/route.js';
import { powerAction, type PowerAction } from '../guests/power.js';
import { cloneQemu } from '../guests/clone.js';
import { updateQemuConfig } from '../guests/config-update.js';
import { guestConfig, guestCurrentStatus, guestListItem } from '../guests/guest-views.js';
import { migrateQemu } from '../guests/migrate.js';
import { serverError } from '../server/api-error.js';
import type { GuestType } from '../state/guest-config.js';
import type { GuestState } from '../state/model.js';
import { guestOf } from './lookup.js';

/** List, status, config and power actions of /nodes/{node}/qemu and /nodes/{node}/lxc; config edits, clone and migrate of VMs. */
export function guestRoutes(type: GuestType): Route[] {
  const base = `/nodes/{node}/${type}`;
  const guest = ({ sim, params }: ApiCall) => guestOf(sim.cluster, params.node, params.vmid, type);
  const actions: PowerAction[] =
    type === 'qemu'
      ? ['start', 'stop', 'shutdown', 'reboot', 'reset', 'suspend', 'resume']
      : ['start', 'stop', 'shutdown', 'reboot'];
  return [
    {
      method: 'GET',
      template: base,
      handler: ({ sim, params, identity }) => {
        const visible = sim.cluster
          .guestsOn(String(params.node))
          .filter((g) => g.type === type && identity.grants.has(`/vms/${g.vmid}`, 'VM.Audit'));
        return ok(visible.map((g) => guestListItem(sim.cluster, g, params.full === 1)));
      },
    },
    {
      method: 'GET',
      template: `${base}/{vmid}/status/current`,
      handler: (call) => ok(guestCurrentStatus(call.sim.cluster, guest(call))),
    },
    {
      method: 'GET',
      template: `${base}/{vmid}/config`,
      handler: (call) => {
        const target = guest(call);
        const snapname = call.params.snapshot;
        if (snapname !== undefined && !target.snapshots.some((snap) => snap.name === snapname))
          throw serverError(`snapshot '${snapname}' does not exist`);
        return ok(guestConfig(target, call.params.current === 1));
      },
    },
    ...actions.map((action): Route => ({
      method: 'POST',
      template: `${base}/{vmid}/status/${action}`,
      handler: (call) => ok(powerAction(call, guest(call), action)),
    })),
    ...(type === 'qemu' ? qemuChanges(guest) : []),
  ];
}

function qemuChanges(guest: (call: ApiCall) => GuestState): Route[] {
  const base = '/nodes/{node}/qemu/{vmid}';
  return [
    { method: 'PUT', template: `${base}/config`, handler: (call) => ok(updateQemuConfig(call, guest(call), 'sync')) },
    { method: 'POST', template: `${base}/config`, handler: (call) => ok(updateQemuConfig(call, guest(call), 'async')) },
    { method: 'POST', template: `${base}/clone`, handler: (call) => ok(cloneQemu(call, guest(call))) },
    { method: 'POST', template: `${base}/migrate`, handler: (call) => ok(migrateQemu(call, guest(call))) },
  ];
}
