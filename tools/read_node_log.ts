import { z } from 'zod';
import type { NodeCommand } from '../src/core/ports/ssh.js';
import { defineTool } from '../src/core/tool.js';
import { requireNodeShell } from './support/session-ports.js';
import { fenceAsData } from '../src/core/fence.js';
import { nodeTarget } from './support/guests.js';
import { limitSchema, nodeSchema } from './support/schemas.js';
import { parseTimeArg } from './support/time-arg.js';

const timeArg = z
  .string()
  .regex(
    /^(\d+[smhd]|\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)$/,
    'an ISO time (2026-11-20T02:00:00Z) or a relative time such as 30m, 2h, 1d',
  );

export const readNodeLog = defineTool({
  name: 'read_node_log',
  title: 'Read a node log over SSH',
  description:
    'Read what the Proxmox API does not show, over SSH: source "kernel" gives kernel messages (journalctl -k: OOM killer, hardware and driver errors, I/O errors); source "task-index" gives the node\'s finished-task index (one line per task: UPID, end time, status). Arguments: node (required, e.g. "pve1"); source ("kernel" or "task-index"); since (optional: ISO time or relative like "2h"); limit (default 200 lines, newest kept). Needs SSH configured for the profile.',
  input: z
    .object({
      node: nodeSchema,
      source: z.enum(['kernel', 'task-index']).describe('"kernel" or "task-index"'),
      since: timeArg.optional(),
      limit: limitSchema(200, 2000),
    })
    .strict(),
  risk: 'read',
  target: async (args, ctx) => nodeTarget(ctx, args.node),
  async run(args, ctx) {
    const shell = requireNodeShell(ctx);
    const since = args.since ? parseTimeArg(args.since, ctx.now()) : undefined;
    const command: NodeCommand =
      args.source === 'kernel'
        ? { template: 'kernel-log', lines: args.limit, ...(since ? { since: utcStamp(since) } : {}) }
        : { template: 'task-index', lines: args.limit };
    const result = await shell.run(args.node, command, { signal: ctx.signal });
    const all = result.stdout.split('\n').filter((line) => line.trim() !== '');
    const lines =
      args.source === 'task-index' && since
        ? all.filter((line) => taskStart(line) === undefined || taskStart(line)! >= since.getTime() / 1000)
        : all;
    const label = args.source === 'kernel' ? 'kernel log' : 'task index';
    if (result.exitCode !== 0) {
      const errors = result.stderr
        .split('\n')
        .filter((line) => line.trim() !== '')
        .slice(-10);
      return {
        failed: true,
        text: `\`${result.command}\` on ${args.node} exited with ${result.exitCode}:\n${fenceAsData(`stderr of ${result.command} on ${args.node}`, errors)}`,
        summary: `${label} of ${args.node}: exit ${result.exitCode}`,
        structured: {
          node: args.node,
          source: args.source,
          command: result.command,
          exitCode: result.exitCode,
          stderr: errors,
        },
      };
    }
    return {
      text: `${lines.length} ${label} lines from ${args.node} (\`${result.command}\`)\n${fenceAsData(`${label} of ${args.node}`, lines)}`,
      summary: `${lines.length} ${label} lines from ${args.node}`,
      structured: { node: args.node, source: args.source, command: result.command, lines },
    };
  },
});

/** `2026-11-20 01:00:00`, the UTC form the kernel-log template accepts. */
function utcStamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** A task index line starts with its UPID; the fifth field is the start time in hex seconds. */
function taskStart(line: string): number | undefined {
  const hex = /^UPID:[^:]+:[0-9A-Fa-f]+:[0-9A-Fa-f]+:([0-9A-Fa-f]+):/.exec(line)?.[1];
  return hex ? Number.parseInt(hex, 16) : undefined;
}
