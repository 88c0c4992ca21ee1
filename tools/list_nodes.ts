import { z } from 'zod';
import { defineTool, type ToolContext } from '../src/core/tool.js';
import { bytes, duration, percent, table } from './support/format.js';
import { nodeTarget } from './support/guests.js';
import type { NodeStatus, NodeSummary, StorageResource } from '../src/proxmox/schemas/index.js';

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
      ctx.proxmox.nodes.list({ signal: ctx.signal }),
      ctx.proxmox.cluster.status({ signal: ctx.signal }),
      ctx.proxmox.cluster.storages({ signal: ctx.signal }),
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
  nodes: readonly NodeSummary[],
  storage: readonly StorageResource[],
): Promise<Map<string, NodeHealth>> {
  const online = nodes.filter((n) => n.status === 'online');
  const statuses = await Promise.all(
    online.map((n) =>
      ctx.proxmox.nodes.status(n.node, { signal: ctx.signal }).catch((error: unknown): NodeStatus | undefined => {
        if (ctx.signal.aborted) throw error;
        return undefined;
      }),
    ),
  );
  const health = new Map<string, NodeHealth>();
  online.forEach((n, index) => {
    const s = statuses[index];
    const load1 = s?.loadavg?.[0];
    health.set(n.node, {
      ...(load1 !== undefined ? { load1 } : {}),
      ...(s?.wait !== undefined ? { ioWait: s.wait } : {}),
      ...(s?.rootfs?.total ? { rootUsed: s.rootfs.used / s.rootfs.total } : {}),
    });
  });
  for (const item of storage) {
    if (!item.maxdisk) continue;
    const used = (item.disk ?? 0) / item.maxdisk;
    const entry = health.get(item.node) ?? {};
    if (!entry.fullest || used > entry.fullest.used) entry.fullest = { storage: item.storage, used };
    health.set(item.node, entry);
  }
  return health;
}
