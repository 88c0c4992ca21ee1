import { fenceAsData } from '../src/core/fence.js';
import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import { isoTime, table } from './support/format.js';
import { nodeTarget } from './support/guests.js';
import { limitSchema, nodeSchema, vmidSchema } from './support/schemas.js';
import { recentTasks } from './support/recent-tasks.js';

export const listTasks = defineTool({
  name: 'list_tasks',
  title: 'List recent tasks',
  description:
    'Recent tasks (start, stop, backup, snapshot...), newest first, with OK or the error and the UPID read_task_log takes.',
  input: z
    .object({
      node: nodeSchema.optional(),
      vmid: vmidSchema.optional(),
      errorsOnly: z.coerce.boolean().optional(),
      limit: limitSchema(20, 200),
    })
    .strict(),
  risk: 'read',
  target: async (args, ctx) => ({ ...nodeTarget(ctx, args.node), ...(args.vmid ? { vmid: args.vmid } : {}) }),
  async run(args, ctx) {
    const tasks = await recentTasks(ctx, args);
    const rows = tasks.map((t) => [isoTime(t.starttime), t.node, t.type, t.id || '-', t.status ?? 'RUNNING', t.upid]);
    return {
      text: tasks.length
        ? `${tasks.length} tasks, newest first:\n${fenceAsData('the task list', table(['STARTED', 'NODE', 'TYPE', 'ID', 'STATUS', 'UPID'], rows).split('\n'))}`
        : 'no matching tasks',
      summary: `${tasks.length} tasks`,
      structured: { tasks },
    };
  },
});
