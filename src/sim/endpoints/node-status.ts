import { ok, type ApiCall, type Route } from '../api/route.js';
import { nodeUsage } from '../state/metrics.js';
import type { NodeState } from '../state/model.js';
import { nodeOf } from './lookup.js';
import { rootfsOf } from './resources.js';

/** GET /nodes/{node}/status, shaped like a PVE 9.1 reply (string-typed loadavg and cpuinfo numbers included). */
function status({ sim, params }: ApiCall) {
  const node = nodeOf(sim.cluster, params.node);
  const usage = nodeUsage(sim.cluster, node);
  const rootfs = rootfsOf(node);
  const nine = Number(sim.cluster.info.pveVersion.split('.')[0]) >= 9;
  const release = nine ? '6.17.4-1-pve' : '6.8.12-4-pve';
  const build = nine
    ? '#1 SMP PREEMPT_DYNAMIC PMX 6.17.4-1 (2025-12-03T15:42Z)'
    : '#1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z)';
  const load = (factor: number) => (usage.cpu * node.cpus * factor).toFixed(2);
  return ok({
    uptime: usage.uptime,
    idle: 0,
    loadavg: [load(1), load(0.9), load(0.8)],
    cpu: usage.cpu,
    wait: 0.0011,
    kversion: `Linux ${release} ${build}`,
    'current-kernel': { sysname: 'Linux', release, version: build, machine: 'x86_64' },
    'boot-info': { mode: 'efi', secureboot: 0 },
    cpuinfo: cpuinfo(node),
    memory: {
      total: usage.memTotal,
      used: usage.memUsed,
      free: usage.memTotal - usage.memUsed,
      available: Math.round((usage.memTotal - usage.memUsed) * 0.95),
    },
    swap: { total: 8_589_930_496, used: 0, free: 8_589_930_496 },
    ksm: { shared: 0 },
    rootfs: {
      total: rootfs.total,
      used: rootfs.used,
      avail: Math.round((rootfs.total - rootfs.used) * 0.93),
      free: rootfs.total - rootfs.used,
    },
    pveversion: `pve-manager/${sim.cluster.info.pveVersion}/${sim.cluster.info.repoid}`,
  });
}

function cpuinfo(node: NodeState) {
  const cores = Math.max(1, Math.floor(node.cpus / 2));
  return {
    model: node.cpus > 16 ? 'AMD EPYC 7543P 32-Core Processor' : 'Intel(R) Xeon(R) E-2378 CPU @ 2.60GHz',
    vendor: node.cpus > 16 ? 'AuthenticAMD' : 'GenuineIntel',
    family: node.cpus > 16 ? '25' : '6',
    sockets: 1,
    cores,
    cpus: node.cpus,
    mhz: '2600.000',
    hvm: '1',
    user_hz: 100,
    flags:
      'fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx lm constant_tsc nopl pni vmx ssse3 fma cx16 sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor avx2',
  };
}

/** GET /nodes/{node}/network: one bridge per scenario bridge, each on its own physical port; the first carries the node's address. */
function network({ sim, params }: ApiCall) {
  const node = nodeOf(sim.cluster, params.node);
  const bridges = node.bridges.map((bridge, index) => ({
    iface: bridge.name,
    type: 'bridge',
    method: index === 0 ? 'static' : 'manual',
    method6: 'manual',
    families: ['inet'],
    autostart: 1,
    active: 1,
    priority: 3 + index * 2,
    ...(index === 0
      ? { address: node.ip, netmask: '24', cidr: `${node.ip}/24`, gateway: node.ip.replace(/\.\d+$/, '.1') }
      : {}),
    bridge_ports: `eno${index + 1}`,
    bridge_stp: 'off',
    bridge_fd: '0',
    ...(bridge.vlanAware ? { bridge_vlan_aware: 1, 'bridge-vids': '2-4094' } : {}),
    ...(bridge.mtu !== null ? { mtu: bridge.mtu } : {}),
  }));
  const ports = node.bridges.map((_, index) => ({
    iface: `eno${index + 1}`,
    type: 'eth',
    method: 'manual',
    method6: 'manual',
    families: ['inet'],
    exists: 1,
    active: 1,
    priority: 2 + index * 2,
  }));
  const type = params.type;
  const wanted =
    type === undefined ? [...bridges, ...ports] : type === 'eth' ? ports : /bridge/i.test(String(type)) ? bridges : [];
  return ok(wanted);
}

/** GET /nodes/{node}/time: the simulated nodes run in UTC, so local time equals UTC. */
function time({ sim }: ApiCall) {
  const now = sim.cluster.nowSeconds();
  return ok({ timezone: 'Etc/UTC', time: now, localtime: now });
}

export const nodeStatusRoutes: Route[] = [
  { method: 'GET', template: '/nodes/{node}/status', handler: status },
  { method: 'GET', template: '/nodes/{node}/time', handler: time },
  { method: 'GET', template: '/nodes/{node}/network', handler: network },
];
