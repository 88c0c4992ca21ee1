import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import type { NodeStorage } from '../src/proxmox/schemas/index.js';
import { bytes, percent, table } from './support/format.js';
import { nodeTarget } from './support/guests.js';
import { nodeSchema } from './support/schemas.js';

export const listStorage = defineTool({
  name: 'list_storage',
  title: 'List storage',
  description:
    'Storage per node: type, active or not, used %, free space, content types. Full or inactive storage explains many failures.',
  input: z.object({ node: nodeSchema.optional() }).strict(),
  risk: 'read',
  target: async (args, ctx) => nodeTarget(ctx, args.node),
  async run(args, ctx) {
    const nodes = args.node
      ? [args.node]
      : (await ctx.proxmox.nodes.list({ signal: ctx.signal }))
          .filter((n) => n.status === 'online')
          .map((n) => n.node)
          .sort();
    const perNode = await Promise.all(
      nodes.map(async (node) =>
        (await ctx.proxmox.storage.list(node, { signal: ctx.signal })).map((s) => ({ ...s, node })),
      ),
    );
    const all = perNode.flat().sort((a, b) => a.node.localeCompare(b.node) || a.storage.localeCompare(b.storage));
    const fraction = (s: NodeStorage) => (s.total ? (s.used ?? 0) / s.total : undefined);
    const rows = all.map((s) => [
      s.node,
      s.storage,
      s.type,
      s.active ? 'yes' : 'NO',
      percent(fraction(s)),
      bytes(s.avail),
      s.content?.join(','),
    ]);
    const full = all.filter((s) => (fraction(s) ?? 0) >= 0.95).map((s) => `${s.node}/${s.storage}`);
    return {
      text: table(['NODE', 'STORAGE', 'TYPE', 'ACTIVE', 'USED', 'FREE', 'CONTENT'], rows),
      summary: `${all.length} storages${full.length ? `, nearly full: ${full.join(', ')}` : ''}`,
      structured: { storage: all },
    };
  },
});
