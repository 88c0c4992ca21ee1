import { z } from 'zod';
import {
  AgentInterfacesSchema,
  AgentOsInfoSchema,
  AgentPingSchema,
  GuestConfigSchema,
  GuestStatusSchema,
  GuestSummarySchema,
  SnapshotSchema,
  type GuestRef,
  type GuestType,
} from '../schemas/guests.js';
import { UpidSchema } from '../schemas/tasks.js';
import { apiPath, type ApiParams, type CallOptions, type Requester } from './requester.js';

/** Power actions both guest types have; qemu adds `reset`. Each returns the UPID of its task. */
export type PowerAction = 'start' | 'stop' | 'shutdown' | 'reboot' | 'suspend' | 'resume' | 'reset';

export interface SnapshotRequest {
  /** Letter first, then letters, digits, `_` or `-`; at most 40. */
  snapname: string;
  description?: string;
  /** Include RAM (qemu only). */
  vmstate?: boolean;
}

const base = (guest: GuestRef) => apiPath`/nodes/${guest.node}/${guest.type}/${guest.vmid}`;

/**
 * Guests of both kinds. Writes return a UPID: 200 only means the task
 * started; follow it to learn how it ended.
 */
export function guestApi(api: Requester) {
  return {
    list: (node: string, type: GuestType, query: { full?: boolean } = {}, options?: CallOptions) =>
      api.call('GET', apiPath`/nodes/${node}/${type}`, z.array(GuestSummarySchema), query, options),
    status: (guest: GuestRef, options?: CallOptions) =>
      api.call('GET', `${base(guest)}/status/current`, GuestStatusSchema, undefined, options),
    config: (guest: GuestRef, options?: CallOptions) =>
      api.call('GET', `${base(guest)}/config`, GuestConfigSchema, undefined, options),
    power: (guest: GuestRef, action: PowerAction, params: ApiParams = {}, options?: CallOptions) =>
      api.call('POST', `${base(guest)}/status/${action}`, UpidSchema, params, options),
    snapshots: (guest: GuestRef, options?: CallOptions) =>
      api.call('GET', `${base(guest)}/snapshot`, z.array(SnapshotSchema), undefined, options),
    createSnapshot: (guest: GuestRef, request: SnapshotRequest, options?: CallOptions) =>
      api.call('POST', `${base(guest)}/snapshot`, UpidSchema, { ...request }, options),
    rollbackSnapshot: (guest: GuestRef, snapname: string, params: { start?: boolean } = {}, options?: CallOptions) =>
      api.call('POST', `${base(guest)}/snapshot/${encodeURIComponent(snapname)}/rollback`, UpidSchema, params, options),
    deleteSnapshot: (guest: GuestRef, snapname: string, options?: CallOptions) =>
      api.call('DELETE', `${base(guest)}/snapshot/${encodeURIComponent(snapname)}`, UpidSchema, undefined, options),
    agentPing: (guest: GuestRef, options?: CallOptions) =>
      api.call('POST', `${base(guest)}/agent/ping`, AgentPingSchema, undefined, options),
    agentOsInfo: async (guest: GuestRef, options?: CallOptions) =>
      (await api.call('GET', `${base(guest)}/agent/get-osinfo`, AgentOsInfoSchema, undefined, options)).result,
    agentInterfaces: async (guest: GuestRef, options?: CallOptions) =>
      (await api.call('GET', `${base(guest)}/agent/network-get-interfaces`, AgentInterfacesSchema, undefined, options))
        .result,
  };
}
export type GuestApi = ReturnType<typeof guestApi>;
