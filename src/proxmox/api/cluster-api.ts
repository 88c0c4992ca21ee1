import { z } from 'zod';
import {
  ClusterResourceSchema,
  ClusterStatusEntrySchema,
  HaStatusEntrySchema,
  NextIdSchema,
  VersionSchema,
  type ClusterResourceType,
} from '../schemas/cluster.js';
import { TaskSummarySchema } from '../schemas/tasks.js';
import type { CallOptions, Requester } from './requester.js';

export function clusterApi(api: Requester) {
  return {
    version: (options?: CallOptions) => api.call('GET', '/version', VersionSchema, undefined, options),
    /** Items the caller may not audit are silently left out by Proxmox. */
    resources: (type?: ClusterResourceType, options?: CallOptions) =>
      api.call('GET', '/cluster/resources', z.array(ClusterResourceSchema), { type }, options),
    status: (options?: CallOptions) =>
      api.call('GET', '/cluster/status', z.array(ClusterStatusEntrySchema), undefined, options),
    nextId: (options?: CallOptions) => api.call('GET', '/cluster/nextid', NextIdSchema, undefined, options),
    tasks: (options?: CallOptions) => api.call('GET', '/cluster/tasks', z.array(TaskSummarySchema), undefined, options),
    haStatus: (options?: CallOptions) =>
      api.call('GET', '/cluster/ha/status/current', z.array(HaStatusEntrySchema), undefined, options),
  };
}
export type ClusterApi = ReturnType<typeof clusterApi>;
