import type { TaskRecord } from './task-store.js';

type Item = Record<string, unknown>;

/** A token-started task shows the user plus `tokenid` (pve-manager's $convert_token_task). */
function owner(task: TaskRecord): Item {
  const bang = task.user.indexOf('!');
  return bang < 0 ? { user: task.user } : { user: task.user.slice(0, bang), tokenid: task.user.slice(bang + 1) };
}

function upidFields(task: TaskRecord): Item {
  return {
    upid: task.upid,
    node: task.node,
    pid: task.pid,
    pstart: task.pstart,
    starttime: task.starttime,
    type: task.type,
    id: task.id,
    ...owner(task),
  };
}

/** GET /nodes/{node}/tasks/{upid}/status. */
export function taskStatus(task: TaskRecord): Item {
  return task.done
    ? { ...upidFields(task), status: 'stopped', exitstatus: task.exitstatus }
    : { ...upidFields(task), status: 'running' };
}

/** An entry of GET /nodes/{node}/tasks: finished ones carry endtime and status, active ones RUNNING. */
export function nodeTaskItem(task: TaskRecord): Item {
  return task.done
    ? { ...upidFields(task), endtime: Math.floor(task.endsAt / 1000), status: task.exitstatus }
    : { ...upidFields(task), status: 'RUNNING' };
}

/** An entry of GET /cluster/tasks: no pstart; finished entries also lose pid. */
export function clusterTaskItem(task: TaskRecord): Item {
  const { pstart: _pstart, ...item } = nodeTaskItem(task);
  if (task.done) delete item.pid;
  return item;
}
