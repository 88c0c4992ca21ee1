import { PermissionsSchema } from '../schemas/access.js';
import type { CallOptions, Requester } from './requester.js';

export function accessApi(api: Requester) {
  return {
    /** The caller's own effective privileges (or `userid`'s, with Sys.Audit), optionally for one ACL path. */
    permissions: (filter: { path?: string; userid?: string } = {}, options?: CallOptions) =>
      api.call('GET', '/access/permissions', PermissionsSchema, filter, options),
  };
}
export type AccessApi = ReturnType<typeof accessApi>;
