import type { HttpMethod } from '../api/requester.js';
import type { Credential } from '../errors.js';

export interface AuthCallOptions {
  signal?: AbortSignal;
  timeoutMs: number;
}

/** Supplies the auth headers of each call: an API token, or a ticket session. */
export interface Authenticator {
  readonly credential: Credential;
  headers(method: HttpMethod, options: AuthCallOptions): Promise<Record<string, string>>;
  /** After a 401: starts a fresh session; true when the call may be repeated once. */
  recover(options: AuthCallOptions): Promise<boolean>;
}
