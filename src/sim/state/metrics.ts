import type { Cluster } from './cluster.js';
import { configMemoryMiB } from '../../proxmox/schemas/property-string.js';
import { bootDiskBytes, vcpus } from './guest-config.js';
import type { GuestState, NodeState } from './model.js';

const MiB = 1024 ** 2;

/** Live figures of a guest, as pvestatd would report them; deterministic per vmid and uptime. */
export interface GuestUsage {
  uptime: number;
  cpu: number;
  maxcpu: number;
  mem: number;
  maxmem: number;
  disk: number;
  maxdisk: number;
  netin: number;
  netout: number;
  diskread: number;
  diskwrite: number;
}

/** A stable fraction in [0, 1) for a vmid and a salt. */
function jitter(vmid: number, salt: number): number {
  const x = Math.sin(vmid * 12.9898 + salt * 78.233) * 43_758.5453;
  return x - Math.floor(x);
}

/** What a guest's figures derive from: its sizes and its stable per-vmid shares. */
interface GuestProfile {
  maxmem: number;
  maxdisk: number;
  maxcpu: number;
  cpu: number;
  mem: number;
  disk: number;
  /** Bytes per second of uptime: netin, netout, diskread, diskwrite. */
  rates: [number, number, number, number];
}

// Configs are replaced, never mutated, so each is read once: this keeps /cluster/resources fast at 5,000 guests.
const profiles = new WeakMap<object, GuestProfile>();

function profileOf(guest: GuestState, node: NodeState | undefined): GuestProfile {
  let profile = profiles.get(guest.config);
  if (!profile) {
    const maxmem = configMemoryMiB(guest.config) * MiB;
    const maxdisk = bootDiskBytes(guest.type, guest.config);
    const rate = (salt: number, scale: number) => scale * (0.2 + jitter(guest.vmid, salt));
    profile = {
      maxmem,
      maxdisk,
      maxcpu: vcpus(guest.type, guest.config, node?.cpus ?? 1),
      cpu: Math.round((0.004 + 0.12 * jitter(guest.vmid, 1)) * 10_000) / 10_000,
      mem: Math.round(maxmem * (0.3 + 0.4 * jitter(guest.vmid, 2))),
      disk: guest.type === 'lxc' ? Math.round(maxdisk * (0.1 + 0.4 * jitter(guest.vmid, 5))) : 0,
      rates: [rate(3, 6_000), rate(4, 1_500), rate(6, 20_000), rate(7, 60_000)],
    };
    profiles.set(guest.config, profile);
  }
  return profile;
}

export function guestUsage(guest: GuestState, node: NodeState | undefined, nowSeconds: number): GuestUsage {
  const profile = profileOf(guest, node);
  const { maxmem, maxdisk, maxcpu, disk } = profile;
  if (!guest.running || guest.startedAt === null) {
    return { uptime: 0, cpu: 0, maxcpu, mem: 0, maxmem, disk, maxdisk, netin: 0, netout: 0, diskread: 0, diskwrite: 0 };
  }
  const uptime = Math.max(0, nowSeconds - guest.startedAt);
  const [netin, netout, diskread, diskwrite] = profile.rates.map((rate) => Math.round(uptime * rate)) as [
    number,
    number,
    number,
    number,
  ];
  const cpu = guest.qmpstatus === 'running' ? profile.cpu : 0;
  return { uptime, cpu, maxcpu, mem: profile.mem, maxmem, disk, maxdisk, netin, netout, diskread, diskwrite };
}

export interface NodeUsage {
  uptime: number;
  cpu: number;
  memTotal: number;
  memUsed: number;
}

export function nodeUsage(cluster: Cluster, node: NodeState): NodeUsage {
  return nodeUsages(cluster).get(node.name)!;
}

/** Every node's figures from one pass over the guests (what /cluster/resources needs at 5,000 guests). */
export function nodeUsages(cluster: Cluster): Map<string, NodeUsage> {
  const load = new Map<string, { mem: number; cpu: number }>();
  for (const node of cluster.nodes.keys()) load.set(node, { mem: 0, cpu: 0 });
  for (const guest of cluster.guests.values()) {
    const sum = guest.running ? load.get(guest.node) : undefined;
    if (!sum) continue;
    const profile = profileOf(guest, cluster.nodes.get(guest.node));
    sum.mem += profile.mem;
    if (guest.qmpstatus === 'running') sum.cpu += profile.cpu * profile.maxcpu;
  }
  const nowSeconds = cluster.nowSeconds();
  const usages = new Map<string, NodeUsage>();
  for (const node of cluster.nodes.values()) {
    const sum = load.get(node.name)!;
    const memTotal = node.memoryMiB * MiB;
    const memUsed = node.memoryUsedMiB !== null ? node.memoryUsedMiB * MiB : Math.min(memTotal, 1024 * MiB + sum.mem);
    const cpu = Math.min(1, Math.round((0.01 + sum.cpu / node.cpus) * 10_000) / 10_000);
    usages.set(node.name, { uptime: Math.max(0, nowSeconds - node.bootedAt), cpu, memTotal, memUsed });
  }
  return usages;
}
