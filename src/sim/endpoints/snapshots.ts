import { ok, type ApiCall, type Route } from '../api/route.js';
import { createSnapshot, deleteSnapshot, listSnapshots, rollbackSnapshot } from '../guests/snapshots.js';
import type { GuestType } from '../state/guest-config.js';
import { guestOf } from './lookup.js';

/** /nodes/{node}/{qemu|lxc}/{vmid}/snapshot: list, create, rollback, delete. */
export function snapshotRoutes(type: GuestType): Route[] {
  const base = `/nodes/{node}/${type}/{vmid}/snapshot`;
  const guest = ({ sim, params }: ApiCall) => guestOf(sim.cluster, params.node, params.vmid, type);
  return [
    { method: 'GET', template: base, handler: (call) => ok(listSnapshots(guest(call))) },
    { method: 'POST', template: base, handler: (call) => ok(createSnapshot(call, guest(call))) },
    {
      method: 'POST',
      template: `${base}/{snapname}/rollback`,
      handler: (call) => ok(rollbackSnapshot(call, guest(call))),
    },
    { method: 'DELETE', template: `${base}/{snapname}`, handler: (call) => ok(deleteSnapshot(call, guest(call))) },
  ];
}
