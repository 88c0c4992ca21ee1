import type { Cluster } from '../state/cluster.js';
import type { GuestState, NodeState, StorageState } from '../state/model.js';
import { guestUsage, nodeUsage, type NodeUsage } from '../state/metrics.js';

/** Items of /cluster/resources, shaped as pve-manager's API2Tools extract_*_stats emit them. */

type Item = Record<string, unknown>;

export function guestResource(cluster: Cluster, guest: GuestState): Item {
  const node = cluster.nodes.get(guest.node);
  const id = `${guest.type}/${guest.vmid}`;
  if (!node?.online) return { id, type: guest.type, vmid: guest.vmid, node: guest.node, status: 'unknown' };
  const usage = guestUsage(guest, node, cluster.nowSeconds());
  const item: Item = {
    id,
    type: guest.type,
    vmid: guest.vmid,
    node: guest.node,
    name: guest.name,
    status: guest.running ? 'running' : 'stopped',
    template: guest.template ? 1 : 0,
    uptime: usage.uptime,
    maxcpu: usage.maxcpu,
    cpu: usage.cpu,
    maxmem: usage.maxmem,
    mem: usage.mem,
    memhost: usage.mem,
    maxdisk: usage.maxdisk,
    disk: usage.disk,
    netin: usage.netin,
    netout: usage.netout,
    diskread: usage.diskread,
    diskwrite: usage.diskwrite,
  };
  if (guest.type === 'lxc') delete item.memhost;
  if (guest.tags.length > 0) item.tags = guest.tags.join(';');
  if (guest.lock) item.lock = guest.lock;
  if (guest.ha) item.hastate = guest.ha.state;
  return item;
}

/** The node's root file system: its `local` directory storage when there is one. */
export function rootfsOf(node: NodeState): { total: number; used: number } {
  const local = node.storage.get('local');
  if (local && local.type === 'dir') return { total: local.totalBytes, used: local.usedBytes };
  return { total: 100_861_726_720, used: 24_372_563_968 };
}

export function nodeResource(cluster: Cluster, node: NodeState, usage: NodeUsage = nodeUsage(cluster, node)): Item {
  const base = {
    id: `node/${node.name}`,
    type: 'node',
    node: node.name,
    status: node.online ? 'online' : 'offline',
    level: '',
  };
  const rootfs = rootfsOf(node);
  const limits = { maxcpu: node.cpus, maxmem: node.memoryMiB * 1024 ** 2, maxdisk: rootfs.total };
  if (!node.online) return { ...base, ...limits };
  return {
    ...base,
    'cgroup-mode': 2,
    uptime: usage.uptime,
    ...limits,
    cpu: usage.cpu,
    mem: usage.memUsed,
    disk: rootfs.used,
  };
}

export function storageResource(node: NodeState, storage: StorageState): Item {
  const item: Item = {
    id: `storage/${node.name}/${storage.id}`,
    type: 'storage',
    storage: storage.id,
    node: node.name,
    plugintype: storage.type,
    status: node.online && storage.active ? 'available' : 'unknown',
    shared: storage.shared ? 1 : 0,
    content: storage.content.join(','),
  };
  if (node.online && storage.active) {
    item.maxdisk = storage.totalBytes;
    item.disk = storage.usedBytes;
  }
  return item;
}
