import type { TaskApi } from '../../core/ports/proxmox-api.js';
import { LogLinesSchema, TaskStatusSchema } from '../schemas/tasks.js';
import { followTask } from '../task-follow.js';
import { parseUpid } from '../upid.js';
import { apiPath, type Requester } from './requester.js';

export function taskApi(api: Requester): TaskApi {
  const tasks: TaskApi = {
    status: (upid, options) =>
      api.call(
        'GET',
        apiPath`/nodes/${parseUpid(upid).node}/tasks/${upid}/status`,
        TaskStatusSchema,
        undefined,
        options,
      ),
    log: (upid, range = {}, options) =>
      api.page(apiPath`/nodes/${parseUpid(upid).node}/tasks/${upid}/log`, LogLinesSchema, { ...range }, options),
    follow: (upid, options) => followTask(tasks, upid, options),
  };
  return tasks;
}
