import { z } from 'zod';
import {
  JournalDataSchema,
  NetworkInterfaceSchema,
  NodeStatusSchema,
  NodeStorageSchema,
  NodeSummarySchema,
  StorageStatusSchema,
  StorageVolumeSchema,
} from '../schemas/nodes.js';
import { LogLinesSchema, TaskSummarySchema } from '../schemas/tasks.js';
import { splitJournal } from './journal.js';
import { apiPath, type CallOptions, type Requester } from './requester.js';

export interface TaskFilter {
  start?: number;
  limit?: number;
  vmid?: number;
  typefilter?: string;
  userfilter?: string;
  statusfilter?: string;
  errors?: boolean;
  source?: 'archive' | 'active' | 'all';
  since?: number;
  until?: number;
}

export interface SyslogRange {
  start?: number;
  limit?: number;
  since?: string;
  until?: string;
  service?: string;
}

/** `since`/`until` are unix seconds; `lastentries` the newest N lines. */
export interface JournalRange {
  since?: number;
  until?: number;
  lastentries?: number;
  startcursor?: string;
  endcursor?: string;
}

export function nodeApi(api: Requester) {
  return {
    list: (options?: CallOptions) => api.call('GET', '/nodes', z.array(NodeSummarySchema), undefined, options),
    status: (node: string, options?: CallOptions) =>
      api.call('GET', apiPath`/nodes/${node}/status`, NodeStatusSchema, undefined, options),
    network: (node: string, options?: CallOptions) =>
      api.call('GET', apiPath`/nodes/${node}/network`, z.array(NetworkInterfaceSchema), undefined, options),
    storage: (node: string, options?: CallOptions) =>
      api.call('GET', apiPath`/nodes/${node}/storage`, z.array(NodeStorageSchema), undefined, options),
    storageStatus: (node: string, storage: string, options?: CallOptions) =>
      api.call('GET', apiPath`/nodes/${node}/storage/${storage}/status`, StorageStatusSchema, undefined, options),
    storageContent: (
      node: string,
      storage: string,
      filter: { content?: string; vmid?: number } = {},
      options?: CallOptions,
    ) =>
      api.call(
        'GET',
        apiPath`/nodes/${node}/storage/${storage}/content`,
        z.array(StorageVolumeSchema),
        filter,
        options,
      ),
    /** Newest first; finished tasks unless `source` says otherwise. */
    tasks: (node: string, filter: TaskFilter = {}, options?: CallOptions) =>
      api.page(apiPath`/nodes/${node}/tasks`, z.array(TaskSummarySchema), { ...filter }, options),
    syslog: (node: string, range: SyslogRange = {}, options?: CallOptions) =>
      api.page(apiPath`/nodes/${node}/syslog`, LogLinesSchema, { ...range }, options),
    journal: async (node: string, range: JournalRange = {}, options?: CallOptions) =>
      splitJournal(await api.call('GET', apiPath`/nodes/${node}/journal`, JournalDataSchema, { ...range }, options)),
  };
}
export type NodeApi = ReturnType<typeof nodeApi>;
