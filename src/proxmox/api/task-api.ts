import { LogLinesSchema, TaskStatusSchema } from '../schemas/tasks.js';
import { parseUpid, type UpidString } from '../upid.js';
import { apiPath, type CallOptions, type Requester } from './requester.js';

/** Task calls go to the node named inside the UPID. */
export function taskApi(api: Requester) {
  return {
    status: (upid: UpidString, options?: CallOptions) =>
      api.call(
        'GET',
        apiPath`/nodes/${parseUpid(upid).node}/tasks/${upid}/status`,
        TaskStatusSchema,
        undefined,
        options,
      ),
    /** Lines `start` (0-based) to `start + limit`; `total` is the log's line count. */
    log: (upid: UpidString, range: { start?: number; limit?: number } = {}, options?: CallOptions) =>
      api.page(apiPath`/nodes/${parseUpid(upid).node}/tasks/${upid}/log`, LogLinesSchema, range, options),
  };
}
export type TaskApi = ReturnType<typeof taskApi>;
