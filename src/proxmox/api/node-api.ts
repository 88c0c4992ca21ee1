import { z } from 'zod';
import type { NodeApi } from '../../core/ports/proxmox-api.js';
import {
  JournalSchema,
  NetworkInterfaceSchema,
  NodeStatusSchema,
  NodeSummarySchema,
  NodeTimeSchema,
  PendingUpdateSchema,
} from '../schemas/nodes.js';
import { LogLinesSchema, TaskSummarySchema } from '../schemas/tasks.js';
import { apiPath, type Requester } from './requester.js';

export function nodeApi(api: Requester): NodeApi {
  return {
    list: (options) => api.call('GET', '/nodes', z.array(NodeSummarySchema), undefined, options),
    status: (node, options) => api.call('GET', apiPath`/nodes/${node}/status`, NodeStatusSchema, undefined, options),
    network: (node, filter = {}, options) =>
      api.call('GET', apiPath`/nodes/${node}/network`, z.array(NetworkInterfaceSchema), { ...filter }, options),
    tasks: (node, filter = {}, options) =>
      api.page(apiPath`/nodes/${node}/tasks`, z.array(TaskSummarySchema), { ...filter }, options),
    syslog: (node, range = {}, options) =>
      api.page(apiPath`/nodes/${node}/syslog`, LogLinesSchema, { ...range }, options),
    journal: (node, range = {}, options) =>
      api.call('GET', apiPath`/nodes/${node}/journal`, JournalSchema, { ...range }, options),
    time: (node, options) => api.call('GET', apiPath`/nodes/${node}/time`, NodeTimeSchema, undefined, options),
    pendingUpdates: (node, options) =>
      api.call('GET', apiPath`/nodes/${node}/apt/update`, z.array(PendingUpdateSchema), undefined, options),
  };
}
