export { createProxmoxClient, type ProxmoxClient, type ProxmoxClientOptions } from './client.js';
export type { ApiParams, CallOptions, HttpMethod, Requester } from './api/requester.js';
export type { FollowTaskOptions, TaskOutcome, TaskProgress } from './task-follow.js';
export type { ProxmoxEvent, ProxmoxEventSink } from './events.js';
export { formatUpid, isUpid, parseUpid, type Upid, type UpidString } from './upid.js';
export type * from './schemas/index.js';
export {
  InvalidUpidError,
  ProxmoxAbortedError,
  ProxmoxAuthError,
  ProxmoxConnectionLostError,
  ProxmoxError,
  ProxmoxNotImplementedError,
  ProxmoxParameterError,
  ProxmoxPermissionError,
  ProxmoxResponseError,
  ProxmoxServerError,
  ProxmoxTimeoutError,
  ProxmoxTlsChangedError,
  ProxmoxTlsUntrustedError,
  ProxmoxUnreachableError,
  type ProxmoxCall,
} from './errors.js';
