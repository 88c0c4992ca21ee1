import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import { bytes, leftOut, percent, table } from './support/format.js';
import { listGuests, nodeTarget } from './support/guests.js';
import { qmpStatuses, runState, shortRunState } from './support/run-state.js';
import { nodeSchema } from './support/schemas.js';

export const listVms = defineTool({
  name: 'list_vms',
  title: 'List VMs and containers',
  description:
    'List VMs and containers (type qemu = VM, lxc = container): id, name, node, status, memory, CPU, tags. name matches a part.',
  input: z
    .object({
      node: nodeSchema.optional(),
      status: z.enum(['running', 'stopped', 'paused']).optional(),
      type: z.enum(['qemu', 'lxc']).optional(),
      tag: z.string().min(1).optional(),
      name: z.string().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    })
    .strict(),
  risk: 'read',
  target: async (args, ctx) => nodeTarget(ctx, args.node),
  async run(args, ctx) {
    const listed = await listGuests(ctx);
    const qemuNodes = new Set(listed.filter((g) => g.type === 'qemu' && g.status === 'running').map((g) => g.node));
    const qmp = await qmpStatuses(ctx, [...qemuNodes].sort());
    const matching = listed
      .map((g) => ({ ...g, ...runState(g.status, qmp.get(g.vmid)) }))
      .filter((g) => !args.node || g.node === args.node)
      .filter((g) => !args.status || g.status === args.status)
      .filter((g) => !args.type || g.type === args.type)
      .filter((g) => !args.tag || (g.tags ?? []).includes(args.tag))
      .filter((g) => !args.name || (g.name ?? '').toLowerCase().includes(args.name.toLowerCase()))
      .sort((a, b) => a.vmid - b.vmid);
    const page = matching.slice(args.offset, args.offset + args.limit);
    const rows = page.map((g) => [
      g.vmid,
      g.name,
      g.type === 'lxc' ? 'ct' : 'vm',
      g.node,
      g.template ? 'template' : shortRunState(g),
      g.status === 'running' || g.status === 'paused' ? `${bytes(g.mem)}/${bytes(g.maxmem)}` : bytes(g.maxmem),
      g.status === 'running' ? percent(g.cpu) : '-',
      [(g.tags ?? []).join(','), g.lock ? `lock:${g.lock}` : ''].filter(Boolean).join(' ') || '-',
    ]);
    const header =
      page.length === 0
        ? 'no VMs or containers match'
        : `${matching.length} match${args.offset ? `, from #${args.offset + 1}` : ''}`;
    const more = leftOut(
      args.offset + page.length,
      matching.length,
      `call again with offset=${args.offset + page.length}`,
    );
    return {
      text: page.length
        ? `${header}\n${table(['VMID', 'NAME', 'TYPE', 'NODE', 'STATUS', 'MEM', 'CPU', 'TAGS'], rows)}${more}`
        : header,
      summary: `${page.length} of ${matching.length} guests`,
      structured: { total: matching.length, offset: args.offset, guests: page },
    };
  },
});
