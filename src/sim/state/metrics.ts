import type { Cluster } from './cluster.js';
import { bootDiskBytes, memoryMiB, vcpus } from './guest-config.js';
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

export function guestUsage(guest: GuestState, node: NodeState | undefined, nowSeconds: number): GuestUsage {
  const maxmem = memoryMiB(guest.config) * MiB;
  const maxdisk = bootDiskBytes(guest.type, guest.config);
  const maxcpu = vcpus(guest.type, guest.config, node?.cpus ?? 1);
  const lxcDisk = guest.type === 'lxc' ? Math.round(maxdisk * (0.1 + 0.4 * jitter(guest.vmid, 5))) : 0;
  if (!guest.running || guest.startedAt === null) {
    return { uptime: 0, cpu: 0, maxcpu, mem: 0, maxmem, disk: lxcDisk, maxdisk, netin: 0, netout: 0, diskread: 0, diskwrite: 0 };
  }
  const uptime = Math.max(0, nowSeconds - guest.startedAt);
  const active = guest.qmpstatus === 'running';
  const perSecond = (salt: number, scale: number) => Math.round(uptime * scale * (0.2 + jitter(guest.vmid, salt)));
  return {
    uptime,
    cpu: active ? Math.round((0.004 + 0.12 * jitter(guest.vmid, 1)) * 10_000) / 10_000 : 0,
    maxcpu,
    mem: Math.round(maxmem * (0.3 + 0.4 * jitter(guest.vmid, 2))),
    maxmem,
    disk: lxcDisk,
    maxdisk,
    netin: perSecond(3, 6_000),
    netout: perSecond(4, 1_500),
    diskread: perSecond(6, 20_000),
    diskwrite: perSecond(7, 60_000),
  };
}

export interface NodeUsage {
  uptime: number;
  cpu: number;
  memTotal: number;
  memUsed: number;
}

export function nodeUsage(cluster: Cluster, node: NodeState): NodeUsage {
  const nowSeconds = cluster.nowSeconds();
  let guestMem = 0;
  let guestCpu = 0;
  for (const guest of cluster.guestsOn(node.name)) {
    if (!guest.running) continue;
    const usage = guestUsage(guest, node, nowSeconds);
    guestMem += usage.mem;
    guestCpu += usage.cpu * usage.maxcpu;
  }
  const memTotal = node.memoryMiB * MiB;
  const memUsed = node.memoryUsedMiB !== null ? node.memoryUsedMiB * MiB : Math.min(memTotal, 1024 * MiB + guestMem);
  const cpu = Math.min(1, Math.round((0.01 + guestCpu / node.cpus) * 10_000) / 10_000);
  return { uptime: Math.max(0, nowSeconds - node.bootedAt), cpu, memTotal, memUsed };
}
