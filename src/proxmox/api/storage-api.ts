import { z } from 'zod';
import type { StorageApi } from '../../core/ports/proxmox-api.js';
import {
  NodeStorageSchema,
  StorageRrdRowSchema,
  StorageStatusSchema,
  StorageVolumeSchema,
} from '../schemas/storage.js';
import { apiPath, type Requester } from './requester.js';

/** Storage as one node sees it: a shared storage is listed by every node that uses it. */
export function storageApi(api: Requester): StorageApi {
  return {
    list: (node, options) =>
      api.call('GET', apiPath`/nodes/${node}/storage`, z.array(NodeStorageSchema), undefined, options),
    status: (node, storage, options) =>
      api.call('GET', apiPath`/nodes/${node}/storage/${storage}/status`, StorageStatusSchema, undefined, options),
    content: (node, storage, filter = {}, options) =>
      api.call(
        'GET',
        apiPath`/nodes/${node}/storage/${storage}/content`,
        z.array(StorageVolumeSchema),
        { ...filter },
        options,
      ),
    rrd: (node, storage, query, options) =>
      api.call(
        'GET',
        apiPath`/nodes/${node}/storage/${storage}/rrddata`,
        z.array(StorageRrdRowSchema),
        { ...query },
        options,
      ),
  };
}
