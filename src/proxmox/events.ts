import type { HttpMethod } from './api/requester.js';

/** What the client reports as it works, for `--debug` output and for tests. Never carries secrets. */
export type ProxmoxEvent =
  | { type: 'response'; method: HttpMethod; path: string; status: number; ms: number }
  | { type: 'auth'; action: 'login' | 'renew' | 'relogin' };

export type ProxmoxEventSink = (event: ProxmoxEvent) => void;
