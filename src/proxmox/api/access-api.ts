import type { AccessApi } from '../../core/ports/proxmox-api.js';
import { PermissionsSchema } from '../schemas/access.js';
import type { Requester } from './requester.js';

export function accessApi(api: Requester): AccessApi {
  return {
    permissions: (filter = {}, options) => api.call('GET', '/access/permissions', PermissionsSchema, filter, options),
  };
}
