import { ok, type ApiCall, type Route } from '../api/route.js';
import { serverError } from '../server/api-error.js';
import { guestDisks } from '../state/guest-config.js';
import type { StorageState } from '../state/model.js';
import { volumeItem } from '../state/volumes.js';
import { nodeOf, storageOf } from './lookup.js';

/** Size figures of pve-storage's storage_info; an inactive storage reports zeros. */
function figures(storage: StorageState): Record<string, number> {
  if (!storage.active || !storage.enabled) return { total: 0, used: 0, avail: 0 };
  const { totalBytes: total, usedBytes: used } = storage;
  return { total, used, avail: total - used, ...(total > 0 ? { used_fraction: used / total } : {}) };
}

function flags(storage: StorageState): Record<string, unknown> {
  return {
    type: storage.type,
    content: storage.content.join(','),
    shared: storage.shared ? 1 : 0,
    enabled: storage.enabled ? 1 : 0,
    active: storage.active && storage.enabled ? 1 : 0,
  };
}

function index({ sim, params, identity }: ApiCall) {
  const node = nodeOf(sim.cluster, params.node);
  const items = [...node.storage.values()]
    .filter(
      (storage) =>
        identity.grants.has(`/storage/${storage.id}`, 'Datastore.Audit') ||
        identity.grants.has(`/storage/${storage.id}`, 'Datastore.AllocateSpace'),
    )
    .filter((storage) => params.storage === undefined || storage.id === params.storage)
    .filter((storage) => params.enabled !== 1 || storage.enabled)
    .filter(
      (storage) =>
        params.content === undefined ||
        String(params.content)
          .split(',')
          .some((content) => storage.content.includes(content)),
    )
    .map((storage) => ({ storage: storage.id, ...flags(storage), ...figures(storage) }));
  return ok(items);
}

function status({ sim, params }: ApiCall) {
  const storage = storageOf(nodeOf(sim.cluster, params.node), params.storage);
  const { used_fraction: _fraction, ...sizes } = figures(storage);
  return ok({ ...flags(storage), ...sizes });
}

/** The storage's files (ISOs, templates, backups) of its enabled content types, then the volumes the node's guest configs name on it, minus the scenario's missing ones. */
function content({ sim, params }: ApiCall) {
  const node = nodeOf(sim.cluster, params.node);
  const storage = storageOf(node, params.storage);
  if (!storage.active || !storage.enabled) throw serverError(`storage '${storage.id}' is not online`);
  const volumes = new Map<string, Record<string, unknown>>();
  for (const volume of storage.volumes) {
    if (!storage.content.includes(volume.content)) continue;
    if (params.content !== undefined && params.content !== volume.content) continue;
    if (params.vmid !== undefined && volume.vmid !== params.vmid) continue;
    volumes.set(volume.volid, volumeItem(volume));
  }
  for (const guest of sim.cluster.guestsOn(node.name)) {
    for (const disk of guestDisks(guest.type, guest.config)) {
      if (disk.storage !== storage.id || storage.missingVolumes.has(disk.volid) || volumes.has(disk.volid)) continue;
      const kind = disk.cdrom || disk.volname.startsWith('iso/') ? 'iso' : guest.type === 'lxc' ? 'rootdir' : 'images';
      if (params.content !== undefined && params.content !== kind) continue;
      if (params.vmid !== undefined && (kind === 'iso' || guest.vmid !== params.vmid)) continue;
      volumes.set(disk.volid, {
        volid: disk.volid,
        format: formatOf(disk.volname, storage.type),
        content: kind,
        size: disk.sizeBytes,
        ...(kind === 'iso' ? {} : { vmid: guest.vmid }),
      });
    }
  }
  return ok([...volumes.values()]);
}

function formatOf(volname: string, type: string): string {
  if (volname.endsWith('.qcow2')) return 'qcow2';
  if (volname.endsWith('.iso')) return 'iso';
  if (volname.endsWith('.vmdk')) return 'vmdk';
  if (/(^|\/)subvol-/.test(volname) && (type === 'zfspool' || type === 'dir' || type === 'btrfs')) return 'subvol';
  return 'raw';
}

export const nodeStorageRoutes: Route[] = [
  { method: 'GET', template: '/nodes/{node}/storage', handler: index },
  { method: 'GET', template: '/nodes/{node}/storage/{storage}/status', handler: status },
  { method: 'GET', template: '/nodes/{node}/storage/{storage}/content', handler: content },
];
