import type { Credentials } from '../auth/credentials.js';
import type { Identity } from '../auth/identity.js';
import type { TicketAuthority } from '../auth/tickets.js';
import type { Cluster } from '../state/cluster.js';
import type { Params } from './validate-params.js';

/** Everything a handler may use: the cluster state and the simulator's auth and timing settings. */
export interface Simulation {
  cluster: Cluster;
  credentials: Credentials;
  tickets: TicketAuthority;
  /** How long a started task runs on the sim clock. */
  taskDurationMs: number;
  /** SHA-256 fingerprint of the certificate the API answers with. */
  fingerprint: string;
}

export interface ApiCall {
  sim: Simulation;
  params: Params;
  identity: Identity;
  method: string;
  /** Below /api2/json, as requested (used in messages). */
  path: string;
}

/** The JSON body of a 200; `gzip` for endpoints that always stream compressed (the journal). */
export interface ApiResult {
  body: Record<string, unknown>;
  gzip?: boolean;
}

export type Handler = (call: ApiCall) => ApiResult;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As in the API schema, e.g. `/nodes/{node}/qemu/{vmid}/status/current`. */
  template: string;
  handler: Handler;
  /** Reachable without authentication (`/access/ticket`). */
  open?: boolean;
}

/** `{"data": ...}` plus list extras such as `total`. */
export function ok(data: unknown, extra: Record<string, unknown> = {}): ApiResult {
  return { body: { data, ...extra } };
}
