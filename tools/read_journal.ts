import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import { fenceAsData } from '../src/core/fence.js';
import { nodeTarget } from './support/guests.js';
import { limitSchema, nodeSchema } from './support/schemas.js';
import { parseTimeArg } from './support/time-arg.js';

const timeArg = z
  .string()
  .regex(
    /^(\d+[smhd]|\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)$/,
    'an ISO time (2026-11-20T02:00:00Z) or a relative time such as 30m, 2h, 1d',
  )
  .describe('ISO time or relative, e.g. 2h');

export const readJournal = defineTool({
  name: 'read_journal',
  title: 'Read the node journal',
  description:
    "A node's journal (syslog): kernel, pvedaemon and QEMU messages around a failure; grep keeps matching lines.",
  input: z
    .object({
      node: nodeSchema,
      since: timeArg.optional(),
      until: timeArg.optional(),
      grep: z.string().min(1).max(200).optional(),
      limit: limitSchema(200, 2000),
    })
    .strict(),
  risk: 'read',
  target: async (args, ctx) => nodeTarget(ctx, args.node),
  async run(args, ctx) {
    const now = ctx.now();
    const since = args.since ? parseTimeArg(args.since, now) : undefined;
    const until = args.until ? parseTimeArg(args.until, now) : undefined;
    const { lines } = await ctx.proxmox.nodes.journal(
      args.node,
      {
        ...(since ? { since: Math.floor(since.getTime() / 1000) } : {}),
        ...(until ? { until: Math.floor(until.getTime() / 1000) } : {}),
        ...(since || until ? {} : { lastentries: args.limit * 4 }),
      },
      { signal: ctx.signal },
    );
    const needle = args.grep?.toLowerCase();
    const matching = needle ? lines.filter((line) => line.toLowerCase().includes(needle)) : lines;
    const kept = matching.slice(-args.limit);
    const omitted = matching.length - kept.length;
    return {
      text: `${kept.length} journal lines from ${args.node}${omitted ? ` (${omitted} older lines left out)` : ''}\n${fenceAsData(`journal of ${args.node}`, kept)}`,
      summary: `${kept.length} journal lines from ${args.node}`,
      structured: { node: args.node, lines: kept, omitted },
    };
  },
});
