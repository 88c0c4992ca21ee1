import type { ApiCall } from '../api/route.js';
import { serverError } from '../server/api-error.js';
import { configMemoryMiB, configNics, parsePropertyString } from '../../proxmox/schemas/property-string.js';
import type { ConfigValue } from '../state/guest-config.js';
import type { Cluster } from '../state/cluster.js';
import type { GuestState } from '../state/model.js';
import { configDigest } from './guest-views.js';
import { lockOutcome, startGuestTask } from './worker.js';

/** Keys qemu-server cannot change on a running VM without hotplug for them (the default hotplug is network,disk,usb). */
const coldKeys = new Set(['memory', 'balloon', 'cores', 'sockets']);
/** Parameters of the config API that are instructions, not config keys. */
const controlKeys = new Set(['node', 'vmid', 'digest', 'delete', 'revert', 'skiplock', 'background_delay']);

/**
 * PUT (synchronous) and POST (as a `qmconfig` worker) of a VM's config, in
 * qemu-server's order: the digest of what the caller read must still match
 * (someone else's edit fails the call instead of being overwritten), the lock,
 * then per-key checks. On a running VM, keys that cannot be hotplugged become
 * pending and apply at the next start.
 */
export function updateQemuConfig(call: ApiCall, guest: GuestState, mode: 'sync' | 'async'): string | null {
  const { params } = call;
  if (params.digest !== undefined && params.digest !== configDigest(guest))
    throw serverError('detected modified configuration - file changed by other user? Try again.');
  const locked = lockOutcome(guest, params.skiplock === 1);
  if (locked.exitstatus !== 'OK') throw serverError(locked.exitstatus);
  const changes = Object.entries(params).filter(
    (entry): entry is [string, ConfigValue] => !controlKeys.has(entry[0]) && entry[1] !== undefined,
  );
  const deletions = String(params.delete ?? '')
    .split(/[,; ]+/)
    .filter(Boolean);
  checkValues(call.sim.cluster, guest, new Map(changes));
  const apply = () => {
    const edits = [...changes, ...deletions.map((key): [string, ConfigValue] => [key, ''])];
    const later = edits.filter(([key]) => guest.running && coldKeys.has(key));
    guest.pending = { ...guest.pending, ...Object.fromEntries(later) };
    guest.config = withEdits(
      guest.config,
      edits.filter((edit) => !later.includes(edit)),
    );
  };
  if (mode === 'sync') {
    apply();
    return null;
  }
  return startGuestTask(call, guest, {
    type: 'qmconfig',
    outcome: { lines: changes.map(([key, value]) => `update VM ${guest.vmid}: -${key} ${value}`), exitstatus: 'OK' },
    effect: apply,
  });
}

/** Starting a VM applies its pending changes first, as `qm start` does. */
export function applyPending(guest: GuestState): void {
  if (Object.keys(guest.pending).length === 0) return;
  guest.config = withEdits(guest.config, Object.entries(guest.pending));
  guest.pending = {};
}

/** A new config object (configs are replaced, never mutated: metrics cache what they derive from one); '' deletes. */
function withEdits(
  config: Record<string, ConfigValue>,
  edits: ReadonlyArray<[string, ConfigValue]>,
): Record<string, ConfigValue> {
  const next = { ...config };
  for (const [key, value] of edits) {
    if (value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

function checkValues(cluster: Cluster, guest: GuestState, changes: Map<string, ConfigValue>): void {
  const memory = changes.has('memory')
    ? configMemoryMiB({ memory: changes.get('memory')! })
    : configMemoryMiB(guest.config);
  const balloon = changes.get('balloon') ?? guest.config.balloon;
  if (balloon !== undefined && Number(balloon) > memory)
    throw serverError('balloon value too large (must be smaller than assigned memory)');
  for (const [key, value] of changes) {
    if (!/^net\d+$/.test(key)) continue;
    const [nic] = configNics('qemu', { [key]: value });
    const tag = parsePropertyString(value).props.get('tag');
    if (tag !== undefined && !(Number(tag) >= 1 && Number(tag) <= 4094))
      throw serverError(`${key}: invalid format - value '${tag}' is not a valid VLAN tag`);
    // A running VM's NIC is replugged at once, so a missing bridge fails the call itself.
    const bridges = cluster.nodes.get(guest.node)?.bridges ?? [];
    if (guest.running && nic?.bridge && !bridges.some((bridge) => bridge.name === nic.bridge))
      throw serverError(`bridge '${nic.bridge}' does not exist`);
  }
}
