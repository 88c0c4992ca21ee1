import { z } from 'zod';
import type { GuestApi } from '../../core/ports/proxmox-api.js';
import {
  AgentInterfacesSchema,
  AgentOsInfoSchema,
  AgentPingSchema,
  GuestConfigSchema,
  GuestStatusSchema,
  GuestSummarySchema,
  SnapshotSchema,
  type GuestRef,
} from '../schemas/guests.js';
import { UpidSchema } from '../schemas/tasks.js';
import { apiPath, type Requester } from './requester.js';

const base = (guest: GuestRef) => apiPath`/nodes/${guest.node}/${guest.type}/${guest.vmid}`;

/**
 * Guests of both kinds. Writes return a UPID: 200 only means the task
 * started; follow it to learn how it ended.
 */
export function guestApi(api: Requester): GuestApi {
  return {
    list: (node, type, query = {}, options) =>
      api.call('GET', apiPath`/nodes/${node}/${type}`, z.array(GuestSummarySchema), query, options),
    status: (guest, options) => api.call('GET', `${base(guest)}/status/current`, GuestStatusSchema, undefined, options),
    config: (guest, options) => api.call('GET', `${base(guest)}/config`, GuestConfigSchema, undefined, options),
    power: (guest, action, params = {}, options) =>
      api.call('POST', `${base(guest)}/status/${action}`, UpidSchema, { ...params }, options),
    snapshots: (guest, options) =>
      api.call('GET', `${base(guest)}/snapshot`, z.array(SnapshotSchema), undefined, options),
    createSnapshot: (guest, request, options) =>
      api.call('POST', `${base(guest)}/snapshot`, UpidSchema, { ...request }, options),
    rollbackSnapshot: (guest, snapname, params = {}, options) =>
      api.call('POST', `${base(guest)}/snapshot/${encodeURIComponent(snapname)}/rollback`, UpidSchema, params, options),
    setConfig: (guest, changes, params = {}, options) =>
      api.call('POST', `${base(guest)}/config`, UpidSchema, { ...changes, ...params }, options),
    clone: (guest, request, options) => api.call('POST', `${base(guest)}/clone`, UpidSchema, { ...request }, options),
    migrate: (guest, { withLocalDisks, ...request }, options) =>
      api.call(
        'POST',
        `${base(guest)}/migrate`,
        UpidSchema,
        { ...request, ...(withLocalDisks !== undefined ? { 'with-local-disks': withLocalDisks } : {}) },
        options,
      ),
    deleteSnapshot: (guest, snapname, options) =>
      api.call('DELETE', `${base(guest)}/snapshot/${encodeURIComponent(snapname)}`, UpidSchema, undefined, options),
    agentPing: (guest, options) => api.call('POST', `${base(guest)}/agent/ping`, AgentPingSchema, undefined, options),
    agentOsInfo: async (guest, options) =>
      (await api.call('GET', `${base(guest)}/agent/get-osinfo`, AgentOsInfoSchema, undefined, options)).result,
    agentInterfaces: async (guest, options) =>
      (await api.call('GET', `${base(guest)}/agent/network-get-interfaces`, AgentInterfacesSchema, undefined, options))
        .result,
  };
}
