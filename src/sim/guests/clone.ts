import type { ApiCall } from '../api/route.js';
import { serverError } from '../server/api-error.js';
import { parsePropertyString } from '../../proxmox/schemas/property-string.js';
import { guestDisks, type ConfigValue, type GuestDisk } from '../state/guest-config.js';
import type { GuestState, NodeState } from '../state/model.js';
import { lockOutcome, startGuestTask } from './worker.js';

/** Keys a clone does not inherit: they name the source's own identity or state. */
const dropped = new Set(['lock', 'parent', 'template', 'vmstate', 'smbios1', 'vmgenid', 'meta']);

/**
 * POST /nodes/{node}/qemu/{vmid}/clone, as qemu-server runs it: the checks
 * that die before the worker forks, then a `qmclone` task that copies (full)
 * or links (from a template) every disk. The new VM's config exists at once
 * with the `clone` lock, which goes when the task ends.
 */
export function cloneQemu(call: ApiCall, source: GuestState): string {
  const { cluster } = call.sim;
  const { params } = call;
  const newid = Number(params.newid);
  if (cluster.guests.has(newid)) throw serverError(`unable to create VM ${newid}: config file already exists`);
  const targetName = String(params.target ?? source.node);
  const target = cluster.nodes.get(targetName);
  if (!target) throw serverError(`no such cluster node '${targetName}'`);
  if (!target.online) throw serverError(`target node '${targetName}' is not online`);
  const full = params.full === undefined ? !source.template : params.full === 1;
  if (!full && params.storage !== undefined) throw serverError("parameter 'storage' not allowed for linked clones");
  const locked = lockOutcome(source, false);
  if (locked.exitstatus !== 'OK') throw serverError(locked.exitstatus);
  const disks = guestDisks('qemu', source.config).filter((disk) => disk.volname !== '' && disk.storage !== 'none');
  if (!full && !source.template && disks[0])
    throw serverError(`Linked clone feature is not supported for drive '${disks[0].key}'`);
  const storageId = params.storage === undefined ? undefined : String(params.storage);
  checkStorage(source, target, disks, storageId);

  const config: Record<string, ConfigValue> = {};
  const lines: string[] = [];
  let index = 0;
  for (const [key, value] of Object.entries(source.config)) {
    if (dropped.has(key)) continue;
    const disk = disks.find((candidate) => candidate.key === key);
    if (disk) {
      const into = storageId ?? disk.storage;
      const volname = clonedVolume(disk, newid, full, index++);
      lines.push(`create ${full ? 'full' : 'linked'} clone of drive ${key} (${disk.volid})`);
      config[key] = String(value).replace(disk.volid, `${into}:${volname}`);
      continue;
    }
    config[key] = /^net\d+$/.test(key) ? withNewMac(value, newid, key) : value;
  }
  const name = params.name === undefined ? `Copy-of-VM-${source.name}` : String(params.name);
  const clone: GuestState = {
    vmid: newid,
    type: 'qemu',
    node: target.name,
    name,
    tags: [...source.tags],
    lock: 'clone',
    template: false,
    config,
    pending: {},
    running: false,
    qmpstatus: 'stopped',
    startedAt: null,
    pid: null,
    agent: null,
    ha: null,
    snapshots: [],
    parentSnapshot: null,
    firewall: source.firewall ? { ...source.firewall } : null,
  };
  cluster.guests.set(newid, clone);
  return startGuestTask(call, source, {
    type: 'qmclone',
    outcome: { lines, exitstatus: 'OK' },
    effect: () => (clone.lock = null),
  });
}

/** A disk lands where qemu-server would put it: on the given storage, else the disk's own, which must reach the target node. */
function checkStorage(source: GuestState, target: NodeState, disks: GuestDisk[], storageId: string | undefined): void {
  const ids = storageId === undefined ? [...new Set(disks.map((disk) => disk.storage))] : [storageId];
  for (const id of ids) {
    const storage = target.storage.get(id);
    if (!storage) throw serverError(`storage '${id}' does not exist`);
    if (!storage.content.includes('images')) throw serverError(`storage '${id}' does not support vm images`);
    if (target.name === source.node || storage.shared) continue;
    throw serverError(
      storageId === undefined
        ? `can't clone VM to node '${target.name}' (VM uses local storage)`
        : `can't clone to non-shared storage '${id}'`,
    );
  }
}

function clonedVolume(disk: GuestDisk, newid: number, full: boolean, index: number): string {
  if (/cloudinit/.test(disk.volname)) return `vm-${newid}-cloudinit`;
  const own = `vm-${newid}-disk-${index}`;
  return full ? own : `${disk.volname}/${own}`;
}

/** Every clone gets its own MAC (the BC:24:11 prefix Proxmox uses), derived from the new id and the NIC. */
function withNewMac(value: ConfigValue, newid: number, key: string): ConfigValue {
  const { props } = parsePropertyString(value);
  const old = [...props.entries()].find(([, text]) => /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/i.test(text));
  if (!old) return value;
  const seed = newid * 31 + Number(key.slice(3));
  const hex = (n: number) => (n & 0xff).toString(16).toUpperCase().padStart(2, '0');
  const mac = `BC:24:11:${hex(seed >> 16)}:${hex(seed >> 8)}:${hex(seed)}`;
  return String(value).replace(old[1], mac);
}
