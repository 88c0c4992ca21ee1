import crypto from 'node:crypto';
import type { ApiCall } from '../api/route.js';
import { serverError } from '../server/api-error.js';
import { guestDisks } from '../state/guest-config.js';
import type { GuestState, SnapshotState } from '../state/model.js';
import type { TaskOutcome } from './start-outcome.js';
import { markRunning, markStopped } from './transitions.js';
import { lockOutcome, startGuestTask } from './worker.js';

/** Snapshot list, create, rollback and delete as pve-guest-common's AbstractConfig does them: each worker locks the guest while it runs. */

const prefix = (guest: GuestState) => (guest.type === 'qemu' ? 'qm' : 'vz');

export function listSnapshots(guest: GuestState): Array<Record<string, unknown>> {
  const items: Array<Record<string, unknown>> = guest.snapshots.map((snap) => ({
    name: snap.name,
    snaptime: snap.snaptime,
    ...(guest.type === 'qemu' ? { vmstate: snap.vmstate ? 1 : 0 } : {}),
    description: snap.description,
    ...(snap.parent ? { parent: snap.parent } : {}),
  }));
  const digest = crypto
    .createHash('sha1')
    .update(`${guest.vmid}:${guest.snapshots.map((snap) => snap.name).join(',')}`)
    .digest('hex');
  items.push({
    name: 'current',
    digest,
    running: guest.running ? 1 : 0,
    description: 'You are here!',
    ...(guest.parentSnapshot ? { parent: guest.parentSnapshot } : {}),
  });
  return items;
}

export function createSnapshot(call: ApiCall, guest: GuestState): string {
  const name = String(call.params.snapname);
  if (name === 'current' || name.toLowerCase() === 'pending')
    throw serverError(`unable to use snapshot name '${name}' (reserved name)`);
  let outcome = lockOutcome(guest, false);
  if (outcome.exitstatus === 'OK' && findSnapshot(guest, name))
    outcome = { lines: [], exitstatus: `snapshot name '${name}' already used` };
  if (outcome.exitstatus === 'OK') outcome = { lines: snapshotLines(guest), exitstatus: 'OK' };
  const vmstate = guest.type === 'qemu' && guest.running && call.params.vmstate === 1;
  const snaptime = call.sim.cluster.nowSeconds();
  return lockedTask(call, guest, `${prefix(guest)}snapshot`, 'snapshot', outcome, () => {
    const snapshot: SnapshotState = {
      name,
      snaptime,
      description: String(call.params.description ?? ''),
      vmstate,
      parent: guest.parentSnapshot,
    };
    guest.snapshots.push(snapshot);
    guest.parentSnapshot = name;
  });
}

export function rollbackSnapshot(call: ApiCall, guest: GuestState): string {
  const snapshot = existing(guest, String(call.params.snapname));
  return lockedTask(call, guest, `${prefix(guest)}rollback`, 'rollback', lockOutcome(guest, false), (at) => {
    guest.parentSnapshot = snapshot.name;
    if (snapshot.vmstate || call.params.start === 1) markRunning(call.sim.cluster, guest, at);
    else markStopped(guest);
  });
}

export function deleteSnapshot(call: ApiCall, guest: GuestState): string {
  const snapshot = existing(guest, String(call.params.snapname));
  return lockedTask(
    call,
    guest,
    `${prefix(guest)}delsnapshot`,
    'snapshot-delete',
    lockOutcome(guest, call.params.force === 1),
    () => {
      guest.snapshots = guest.snapshots.filter((snap) => snap !== snapshot);
      for (const snap of guest.snapshots) if (snap.parent === snapshot.name) snap.parent = snapshot.parent;
      if (guest.parentSnapshot === snapshot.name) guest.parentSnapshot = snapshot.parent;
    },
  );
}

/** Sets the guest's lock while a successful worker runs and clears it when the worker ends. */
function lockedTask(
  call: ApiCall,
  guest: GuestState,
  type: string,
  lock: string,
  outcome: TaskOutcome,
  effect: (endedAt: number) => void,
): string {
  if (outcome.exitstatus !== 'OK') return startGuestTask(call, guest, { type, outcome });
  guest.lock = lock;
  return startGuestTask(call, guest, {
    type,
    outcome,
    effect: (at) => {
      effect(at);
      if (guest.lock === lock) guest.lock = null;
    },
  });
}

function findSnapshot(guest: GuestState, name: string): SnapshotState | undefined {
  return guest.snapshots.find((snap) => snap.name === name);
}

function existing(guest: GuestState, name: string): SnapshotState {
  const snapshot = findSnapshot(guest, name);
  if (!snapshot) throw serverError(`snapshot '${name}' does not exist`);
  return snapshot;
}

function snapshotLines(guest: GuestState): string[] {
  if (guest.type === 'lxc') return [];
  return guestDisks('qemu', guest.config)
    .filter((disk) => !disk.cdrom)
    .map((disk) => `snapshotting 'drive-${disk.key}' (${disk.volid})`);
}
