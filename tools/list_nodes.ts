import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import { bytes, duration, percent, table } from './support/format.js';
import { nodeTarget } from './support/guests.js';

export const listNodes = defineTool({
  name: 'list_nodes',
  title: 'List nodes',
  description:
    'List the nodes with status (online/offline), CPU, memory and uptime, and whether the cluster has quorum.',
  input: z.object({}).strict(),
  risk: 'read',
  target: async (_args, ctx) => nodeTarget(ctx),
  async run(_args, ctx) {
    const [nodes, status] = await Promise.all([
      ctx.proxmox.nodes.list({ signal: ctx.signal }),
      ctx.proxmox.cluster.status({ signal: ctx.signal }),
    ]);
    const sorted = [...nodes].sort((a, b) => a.node.localeCompare(b.node));
    const cluster = status.find((entry) => entry.type === 'cluster');
    const quorum = cluster
      ? `cluster ${cluster.name}: ${cluster.quorate ? 'quorate' : 'NO QUORUM'}`
      : 'single node (no cluster)';
    const rows = sorted.map((n) => [
      n.node,
      n.status,
      n.status === 'online' ? `${percent(n.cpu)} of ${n.maxcpu ?? '?'}` : '-',
      n.status === 'online' ? `${bytes(n.mem)}/${bytes(n.maxmem)}` : '-',
      duration(n.uptime),
    ]);
    const offline = sorted.filter((n) => n.status !== 'online').map((n) => n.node);
    return {
      text: `${quorum}\n${table(['NODE', 'STATUS', 'CPU', 'MEM', 'UPTIME'], rows)}`,
      summary: `${sorted.length} nodes${offline.length ? `, offline: ${offline.join(', ')}` : ''}`,
      structured: { quorate: cluster ? cluster.quorate === true : true, nodes: sorted },
    };
  },
});
