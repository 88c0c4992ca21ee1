import type { AccessApi } from '../../core/ports/proxmox-api.js';
import { z } from 'zod';
import { PermissionsSchema, TfaUserSchema, UserSchema } from '../schemas/access.js';
import type { Requester } from './requester.js';

export function accessApi(api: Requester): AccessApi {
  return {
    permissions: (filter = {}, options) => api.call('GET', '/access/permissions', PermissionsSchema, filter, options),
    users: (query = {}, options) => api.call('GET', '/access/users', z.array(UserSchema), { ...query }, options),
    tfa: (options) => api.call('GET', '/access/tfa', z.array(TfaUserSchema), undefined, options),
  };
}
