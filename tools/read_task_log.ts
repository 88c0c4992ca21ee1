import { z } from 'zod';
import { defineTool, type ToolContext } from '../src/core/tool.js';
import { fenceAsData } from '../src/core/fence.js';
import { isoTime } from './support/format.js';
import { findGuest, guestTarget, nodeTarget } from './support/guests.js';
import { limitSchema, nodeSchema, vmidSchema } from './support/schemas.js';
import { recentTasks } from './support/recent-tasks.js';
import { ToolInputError } from './support/tool-input-error.js';

const upidSchema = z
  .string()
  .regex(
    /^UPID:[A-Za-z0-9-]+:[0-9A-Fa-f]{8}:[0-9A-Fa-f]{8,9}:[0-9A-Fa-f]{8}:[^:\s/]+:[^:\s/]*:[^:\s/]+:$/,
    'a task id like UPID:pve1:0001A2B3:...:root@pam: (from list_tasks)',
  );

async function latestTaskOf(ctx: ToolContext, vmid: number, node?: string): Promise<string> {
  const guest = await findGuest(ctx, vmid, node);
  const [latest] = await recentTasks(ctx, { node: guest.node, vmid, limit: 1 });
  if (!latest) throw new ToolInputError(`no tasks recorded for ${vmid} on ${guest.node}`);
  return latest.upid;
}

export const readTaskLog = defineTool({
  name: 'read_task_log',
  title: 'Read a task log',
  description:
    "One task's log, by upid (from list_tasks) or vmid (its latest task); it ends with TASK OK or TASK ERROR and why.",
  input: z
    .object({
      upid: upidSchema.optional(),
      vmid: vmidSchema.optional(),
      node: nodeSchema.optional(),
      limit: limitSchema(100, 1000),
    })
    .strict()
    .refine((args) => args.upid || args.vmid, {
      message: 'give upid, or vmid for the latest task of that guest',
      path: ['upid'],
    }),
  risk: 'read',
  async target(args, ctx) {
    if (args.vmid) return guestTarget(ctx, await findGuest(ctx, args.vmid, args.node));
    return nodeTarget(ctx, args.upid?.split(':')[1]);
  },
  async run(args, ctx) {
    const upid = args.upid ?? (await latestTaskOf(ctx, args.vmid!, args.node));
    const status = await ctx.proxmox.tasks.status(upid, { signal: ctx.signal });
    const log = await ctx.proxmox.tasks.log(upid, { start: 0, limit: args.limit }, { signal: ctx.signal });
    const lines = log.data.map((entry) => entry.t);
    const result = status.status === 'running' ? 'still running' : 'ended';
    const exit = status.status === 'running' ? [] : [`exit status: ${status.exitstatus ?? '(none)'}`];
    return {
      text: `task ${upid}\n${status.type} started ${isoTime(status.starttime)}, ${result}\n${fenceAsData(`task log of ${upid}`, [...exit, ...lines])}`,
      summary: `${status.type} ${status.status === 'running' ? result : `ended: ${status.exitstatus}`}`,
      structured: { upid, status: status.status, exitStatus: status.exitstatus, lines },
    };
  },
});
