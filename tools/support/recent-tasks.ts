import type { ToolContext } from '../../src/core/tool.js';
import type { TaskSummary } from '../../src/proxmox/schemas/index.js';

export interface TaskQuery {
  node?: string;
  vmid?: number;
  errorsOnly?: boolean;
  limit: number;
}

/** Recent tasks, newest first: a node's own list when a node is named, else the cluster's. */
export async function recentTasks(ctx: ToolContext, query: TaskQuery): Promise<TaskSummary[]> {
  const options = { signal: ctx.signal };
  const tasks = query.node
    ? (
        await ctx.proxmox.nodes.tasks(
          query.node,
          {
            limit: Math.max(query.limit, 50),
            ...(query.vmid ? { vmid: query.vmid } : {}),
            ...(query.errorsOnly ? { errors: true } : {}),
          },
          options,
        )
      ).data
    : await ctx.proxmox.cluster.tasks(options);
  return tasks
    .filter((task) => query.vmid === undefined || task.id === String(query.vmid))
    .filter((task) => !query.errorsOnly || isFailed(task))
    .sort((a, b) => b.starttime - a.starttime)
    .slice(0, query.limit);
}

function isFailed(task: TaskSummary): boolean {
  return (
    task.status !== undefined &&
    task.status !== 'OK' &&
    task.status !== 'RUNNING' &&
    !task.status.startsWith('WARNINGS')
  );
}
