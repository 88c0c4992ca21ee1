import { z } from 'zod';
import { defineTool, type ToolContext } from '../src/core/tool.js';
import { bytes, duration, percent, table } from './support/format.js';
import { nodeTarget } from './support/guests.js';

interface NodeEntry {
  node: string;
  status: string;
  cpu?: number;
  maxcpu?: number;
  mem?: number;
  maxmem?: number;
  uptime?: number;
}

interface ClusterEntry {
  type: string;
  name?: string;
  quorate?: number;
  nodes?: number;
}

interface NodeStatus {
  loadavg?: Array<string | number>;
  /** Fraction of CPU time spent waiting for IO. */
  wait?: number;
  rootfs?: { total?: number; used?: number };
}

interface StorageResource {
  node?: string;
  storage?: string;
  disk?: number;
  maxdisk?: number;
}

/** Load, IO wait and the fullest storage of one node: what explains a slow or stuck node at a glance. */
interface NodeHealth {
  load1?: number;
  ioWait?: number;
  rootUsed?: number;
  fullest?: { storage: string; used: number };
}

export const listNodes = defineTool({
  name: 'list_nodes',
  title: 'List nodes',
  description:
    'List the nodes with status, CPU, load, IO wait, memory, disk use and uptime, and whether the cluster has quorum.',
  input: z.object({}).strict(),
  risk: 'read',
  target: async (_args, ctx) => nodeTarget(ctx),
  async run(_args, ctx) {
    const [nodes, status, storage] = await Promise.all([
      ctx.proxmox.get<NodeEntry[]>('/nodes', {}, { signal: ctx.signal }),
      ctx.proxmox.get<ClusterEntry[]>('/cluster/status', {}, { signal: ctx.signal }),
      ctx.proxmox.get<StorageResource[]>('/cluster/resources', { type: 'storage' }, { signal: ctx.signal }),
    ]);
    const sorted = [...nodes].sort((a, b) => a.node.localeCompare(b.node));
    const health = await nodeHealth(ctx, sorted, storage);
    const cluster = status.find((entry) => entry.type === 'cluster');
    const quorum = cluster
      ? `cluster ${cluster.name}: ${cluster.quorate ? 'quorate' : 'NO QUORUM'}`
      : 'single node (no cluster)';
    const rows = sorted.map((n) => {
      const h = health.get(n.node) ?? {};
      const online = n.status === 'online';
      return [
        n.node,
        n.status,
        online ? `${percent(n.cpu)} of ${n.maxcpu ?? '?'}` : '-',
        online && h.load1 !== undefined ? h.load1.toFixed(2) : '-',
        online ? percent(h.ioWait) : '-',
        online ? `${bytes(n.mem)}/${bytes(n.maxmem)}` : '-',
        online ? percent(h.rootUsed) : '-',
        h.fullest ? `${h.fullest.storage} ${percent(h.fullest.used)}` : '-',
        duration(n.uptime),
      ];
    });
    const offline = sorted.filter((n) => n.status !== 'online').map((n) => n.node);
    const nodesOut = sorted.map((n) => ({ ...n, ...health.get(n.node) }));
    return {
      text: `${quorum}\n${table(['NODE', 'STATUS', 'CPU', 'LOAD', 'IOWAIT', 'MEM', 'ROOT', 'FULLEST', 'UPTIME'], rows)}`,
      summary: `${sorted.length} nodes${offline.length ? `, offline: ${offline.join(', ')}` : ''}`,
    structured: { quorate: cluster ? cluster.quorate === true : true, nodes: nodesOut },
    };
  },
});

async function nodeHealth(
  ctx: ToolContext,
  nodes: readonly NodeEntry[],
  storage: readonly StorageResource[],
): Promise<Map<string, NodeHealth>> {
  const online = nodes.filter((n) => n.status === 'online');
  const statuses = await Promise.all(
    online.map((n) =>
      ctx.proxmox
        .get<NodeStatus>(`/nodes/${n.node}/status`, {}, { signal: ctx.signal })
        .catch((error: unknown): NodeStatus => {
          if (ctx.signal.aborted) throw error;
          return {};
        }),
    ),
  );
  const health = new Map<string, NodeHealth>();
  online.forEach((n, index) => {
    const s = statuses[index]!;
    const load1 = Number(s.loadavg?.[0]);
    health.set(n.node, {
      ...(Number.isFinite(load1) ? { load1 } : {}),
      ...(typeof s.wait === 'number' ? { ioWait: s.wait } : {}),
      ...(s.rootfs?.total ? { rootUsed: (s.rootfs.used ?? 0) / s.rootfs.total } : {}),
    });
  });
  for (const item of storage) {
    if (!item.node || !item.storage || !item.maxdisk) continue;
    const used = (item.disk ?? 0) / item.maxdisk;
    const entry = health.get(item.node) ?? {};
    if (!entry.fullest || used > entry.fullest.used) entry.fullest = { storage: item.storage, used };
    health.set(item.node, entry);
  }
  return health;
}
