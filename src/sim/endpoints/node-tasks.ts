import { ok, type ApiCall, type Route } from '../api/route.js';
import { requirePrivilege } from '../auth/permission-check.js';
import { parameterError } from '../server/api-error.js';
import type { TaskRecord } from '../tasks/task-store.js';
import { nodeTaskItem, taskStatus } from '../tasks/task-view.js';
import { isUpid } from '../../proxmox/upid.js';

function statusClass(task: TaskRecord): string {
  if (task.exitstatus === 'OK') return 'ok';
  if (task.exitstatus.startsWith('WARNINGS')) return 'warning';
  return 'error';
}

/** GET /nodes/{node}/tasks: finished tasks by default, newest first, filtered and paged, with `total`. */
function list({ sim, params, identity }: ApiCall) {
  const node = String(params.node);
  const auditor = identity.grants.has(`/nodes/${node}`, 'Sys.Audit');
  const source = String(params.source ?? 'archive');
  const statuses = params.statusfilter === undefined ? undefined : new Set(String(params.statusfilter).split(/[,; ]+/));
  const matches = sim.cluster.tasks.ofNode(node).filter((task) => {
    if (!auditor && task.user !== identity.authid) return false;
    if (source === 'archive' ? !task.done : source === 'active' ? task.done : false) return false;
    if (params.vmid !== undefined && task.id !== String(params.vmid)) return false;
    if (params.typefilter !== undefined && task.type !== params.typefilter) return false;
    if (params.userfilter !== undefined && !task.user.toLowerCase().includes(String(params.userfilter).toLowerCase()))
      return false;
    if (params.errors === 1 && task.done && task.exitstatus === 'OK') return false;
    if (statuses && task.done && !statuses.has(statusClass(task))) return false;
    if (params.since !== undefined && task.starttime < Number(params.since)) return false;
    return params.until === undefined || task.starttime <= Number(params.until);
  });
  const start = Number(params.start ?? 0);
  const limit = Number(params.limit ?? 50);
  const page = limit === 0 ? matches.slice(start) : matches.slice(start, start + limit);
  return ok(page.map(nodeTaskItem), { total: matches.length });
}

/** The task of a `{upid}` path parameter; a stranger's task needs Sys.Audit on the node. */
function taskOf({ sim, params, identity }: ApiCall): TaskRecord {
  const upid = String(params.upid);
  if (!isUpid(upid)) throw parameterError({ upid: `unable to parse worker upid '${upid}'` });
  const task = sim.cluster.tasks.get(upid);
  if (!task || task.node !== params.node) throw parameterError({ upid: 'no such task' });
  if (task.user !== identity.authid) requirePrivilege(identity, `/nodes/${task.node}`, 'Sys.Audit');
  return task;
}

/** GET .../log: `n` is 1-based, `start` 0-based, `limit` 0 reads to the end; an empty log reads `no content`. */
function log(call: ApiCall) {
  const task = taskOf(call);
  const lines = call.sim.cluster.tasks.logOf(task);
  if (lines.length === 0) return ok([{ n: 1, t: 'no content' }], { total: 1 });
  const start = Number(call.params.start ?? 0);
  const limit = Number(call.params.limit ?? 50);
  const end = limit === 0 ? lines.length : Math.min(lines.length, start + limit);
  const page = lines.slice(start, end).map((t, index) => ({ n: start + index + 1, t }));
  return ok(page, { total: lines.length });
}

export const nodeTaskRoutes: Route[] = [
  { method: 'GET', template: '/nodes/{node}/tasks', handler: list },
  { method: 'GET', template: '/nodes/{node}/tasks/{upid}/status', handler: (call) => ok(taskStatus(taskOf(call))) },
  { method: 'GET', template: '/nodes/{node}/tasks/{upid}/log', handler: log },
];
