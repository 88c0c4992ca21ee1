import { z } from 'zod';
import type { CallOptions, ClusterApi } from '../../core/ports/proxmox-api.js';
import { BackupJobSchema, UncoveredGuestSchema } from '../schemas/backup.js';
import {
  ClusterResourceSchema,
  FirewallOptionsSchema,
  ClusterStatusEntrySchema,
  HaStatusEntrySchema,
  NextIdSchema,
  VersionSchema,
  isGuestResource,
  isStorageResource,
} from '../schemas/cluster.js';
import { TaskSummarySchema } from '../schemas/tasks.js';
import type { Requester } from './requester.js';

export function clusterApi(api: Requester): ClusterApi {
  const resources: ClusterApi['resources'] = (type, options) =>
    api.call('GET', '/cluster/resources', z.array(ClusterResourceSchema), { type }, options);
  return {
    version: (options) => api.call('GET', '/version', VersionSchema, undefined, options),
    resources,
    guests: async (options?: CallOptions) => (await resources('vm', options)).filter(isGuestResource),
    storages: async (options?: CallOptions) => (await resources('storage', options)).filter(isStorageResource),
    status: (options) => api.call('GET', '/cluster/status', z.array(ClusterStatusEntrySchema), undefined, options),
    nextId: (query = {}, options) => api.call('GET', '/cluster/nextid', NextIdSchema, { ...query }, options),
    tasks: (options) => api.call('GET', '/cluster/tasks', z.array(TaskSummarySchema), undefined, options),
    haStatus: (options) =>
      api.call('GET', '/cluster/ha/status/current', z.array(HaStatusEntrySchema), undefined, options),
    backupJobs: (options) => api.call('GET', '/cluster/backup', z.array(BackupJobSchema), undefined, options),
    notBackedUp: (options) =>
      api.call('GET', '/cluster/backup-info/not-backed-up', z.array(UncoveredGuestSchema), undefined, options),
    firewallOptions: (options) =>
      api.call('GET', '/cluster/firewall/options', FirewallOptionsSchema, undefined, options),
  };
}
