import type { ToolContext } from '../../src/core/tool.js';

export interface TaskEntry {
  upid: string;
  node: string;
  type: string;
  id?: string;
  user?: string;
  starttime: number;
  endtime?: number;
  status?: string;
}

export interface TaskQuery {
  node?: string;
  vmid?: number;
  errorsOnly?: boolean;
  limit: number;
}

/** Recent tasks, newest first: a node's own list when a node is named, else the cluster's. */
export async function recentTasks(ctx: ToolContext, query: TaskQuery): Promise<TaskEntry[]> {
  const tasks = query.node
    ? await ctx.proxmox.get<TaskEntry[]>(
        `/nodes/${query.node}/tasks`,
        {
          limit: Math.max(query.limit, 50),
          ...(query.vmid ? { vmid: query.vmid } : {}),
          ...(query.errorsOnly ? { errors: 1 } : {}),
        },
        { signal: ctx.signal },
      )
    : await ctx.proxmox.get<TaskEntry[]>('/cluster/tasks', {}, { signal: ctx.signal });
  return tasks
    .filter((task) => query.vmid === undefined || task.id === String(query.vmid))
    .filter((task) => !query.errorsOnly || isFailed(task))
    .sort((a, b) => b.starttime - a.starttime)
    .slice(0, query.limit);
}

export function isFailed(task: TaskEntry): boolean {
  return (
    task.status !== undefined &&
    task.status !== 'OK' &&
    task.status !== 'RUNNING' &&
    !task.status.startsWith('WARNINGS')
  );
}
