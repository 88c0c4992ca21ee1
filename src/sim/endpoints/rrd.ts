import { ok, type ApiCall, type Route } from '../api/route.js';
import { serverError } from '../server/api-error.js';
import type { GuestType } from '../state/guest-config.js';
import { guestUsage, nodeUsage } from '../state/metrics.js';
import { noise, rowTimes, trendValue, type ConsolidationFunction, type Timeframe } from '../state/rrd.js';
import { nodeOf, storageOf } from './lookup.js';
import { rootfsOf } from './resources.js';

/** GET .../rrddata of nodes, storages and guests: 70 rows of `{time, ...}` per timeframe, AVERAGE or MAX. */

const MiB = 1024 ** 2;

function frame(call: ApiCall): { timeframe: Timeframe; cf: ConsolidationFunction; now: number; times: number[] } {
  const timeframe = call.params.timeframe as Timeframe;
  const cf = (call.params.cf ?? 'AVERAGE') as ConsolidationFunction;
  const now = call.sim.cluster.nowSeconds();
  return { timeframe, cf, now, times: rowTimes(timeframe, now) };
}

function missing(file: string): never {
  throw serverError(`RRD error: opening '/var/lib/rrdcached/db/${file}': No such file or directory`);
}

function nodeRrd(call: ApiCall) {
  const node = nodeOf(call.sim.cluster, call.params.node);
  const usage = nodeUsage(call.sim.cluster, node);
  const { timeframe, cf, now, times } = frame(call);
  const rootfs = rootfsOf(node);
  const memory = {
    now: usage.memUsed,
    perDay: node.memoryGrowthMiBPerDay * MiB,
    min: 512 * MiB,
    max: usage.memTotal,
    swing: usage.memTotal * 0.01,
  };
  return ok(
    times.map((time) => {
      const memused = Math.round(trendValue(memory, time, timeframe, cf, now));
      const busy = usage.cpu * (0.8 + 0.4 * noise(node.index + 1, time));
      return {
        time,
        cpu: round(busy),
        maxcpu: node.cpus,
        iowait: round(0.002 + 0.01 * noise(node.index + 7, time)),
        loadavg: round(busy * node.cpus),
        memtotal: usage.memTotal,
        memused,
        memavailable: usage.memTotal - memused,
        swaptotal: 8_589_930_496,
        swapused: 0,
        roottotal: rootfs.total,
        rootused: rootfs.used,
        netin: round(40_000 + 30_000 * noise(node.index + 3, time)),
        netout: round(25_000 + 20_000 * noise(node.index + 5, time)),
      };
    }),
  );
}

function storageRrd(call: ApiCall) {
  const node = nodeOf(call.sim.cluster, call.params.node);
  const storage = storageOf(node, call.params.storage);
  const { timeframe, cf, now, times } = frame(call);
  if (!storage.active || !storage.enabled) return ok(times.map((time) => ({ time })));
  const used = {
    now: storage.usedBytes,
    perDay: storage.growthBytesPerDay,
    min: 0,
    max: storage.totalBytes,
    swing: storage.totalBytes * 0.0005,
  };
  return ok(
    times.map((time) => ({
      time,
      total: storage.totalBytes,
      used: Math.round(trendValue(used, time, timeframe, cf, now)),
    })),
  );
}

function guestRrd(call: ApiCall, type: GuestType) {
  const { cluster } = call.sim;
  const guest = cluster.guests.get(Number(call.params.vmid));
  if (!guest || guest.type !== type) missing(`pve-vm-9.0/${String(call.params.vmid)}`);
  const usage = guestUsage(guest, cluster.nodes.get(guest.node), cluster.nowSeconds());
  const { cf, times } = frame(call);
  const running = guest.running && guest.startedAt !== null;
  const rate = (total: number) => (running && usage.uptime > 0 ? total / usage.uptime : 0);
  return ok(
    times.map((time) => {
      const up = running && time >= guest.startedAt!;
      const wobble = 0.8 + 0.4 * noise(guest.vmid, time) + (cf === 'MAX' ? 0.3 : 0);
      return {
        time,
        maxcpu: usage.maxcpu,
        cpu: up ? round(usage.cpu * wobble) : 0,
        maxmem: usage.maxmem,
        mem: up ? Math.round(usage.mem * Math.min(1, wobble)) : 0,
        maxdisk: usage.maxdisk,
        disk: usage.disk,
        netin: up ? round(rate(usage.netin) * wobble) : 0,
        netout: up ? round(rate(usage.netout) * wobble) : 0,
        diskread: up ? round(rate(usage.diskread) * wobble) : 0,
        diskwrite: up ? round(rate(usage.diskwrite) * wobble) : 0,
      };
    }),
  );
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export const rrdRoutes: Route[] = [
  { method: 'GET', template: '/nodes/{node}/rrddata', handler: nodeRrd },
  { method: 'GET', template: '/nodes/{node}/storage/{storage}/rrddata', handler: storageRrd },
  { method: 'GET', template: '/nodes/{node}/qemu/{vmid}/rrddata', handler: (call) => guestRrd(call, 'qemu') },
  { method: 'GET', template: '/nodes/{node}/lxc/{vmid}/rrddata', handler: (call) => guestRrd(call, 'lxc') },
];
