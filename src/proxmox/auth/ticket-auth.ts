import type { HttpMethod } from '../api/requester.js';
import { type Credential, ProxmoxAuthError, ProxmoxResponseError } from '../errors.js';
import type { ProxmoxEventSink } from '../events.js';
import { unwrapAnswer } from '../http/answer.js';
import type { Transport } from '../http/transport.js';
import { TicketSchema } from '../schemas/access.js';
import type { AuthCallOptions, Authenticator } from './authenticator.js';

/** Proxmox tickets live 2 hours (pve-access-control `$ticket_lifetime`). */
export const ticketLifetimeMs = 2 * 60 * 60 * 1000;
/** Renew this long before expiry, so that a long task follow never runs into it. */
export const ticketRenewMarginMs = 15 * 60 * 1000;

export interface TicketAuthOptions {
  transport: Transport;
  profile: string;
  username: string;
  password: string;
  now: () => number;
  onEvent?: ProxmoxEventSink | undefined;
}

interface Session {
  ticket: string;
  csrf: string;
  issuedAt: number;
}

const loginCall = { method: 'POST', path: '/access/ticket' } as const;

/**
 * Username/password login: cookie `PVEAuthCookie` on every call, the
 * `CSRFPreventionToken` header on writes; the ticket is renewed before its
 * 2-hour expiry (with the ticket itself as password) and again after a 401.
 */
export function ticketAuth(options: TicketAuthOptions): Authenticator {
  const credential: Credential = { kind: 'password', username: options.username };
  const caller = { profile: options.profile, credential };
  let session: Session | undefined;
  let pending: Promise<Session> | undefined;

  async function login(password: string, call: AuthCallOptions): Promise<Session> {
    const answer = await options.transport.send({
      ...loginCall,
      params: { username: options.username, password },
      headers: {},
      ...call,
    });
    const parsed = TicketSchema.safeParse(unwrapAnswer(answer, loginCall, caller).data);
    if (!parsed.success) throw new ProxmoxResponseError('the ticket reply has no ticket and CSRF token', loginCall);
    if (parsed.data.NeedTFA) {
      throw new ProxmoxAuthError(
        options.profile,
        credential,
        `${options.username} needs a second factor; use an API token for proxmox-ai`,
        loginCall,
      );
    }
    session = { ticket: parsed.data.ticket, csrf: parsed.data.CSRFPreventionToken, issuedAt: options.now() };
    return session;
  }

  async function renew(current: Session, call: AuthCallOptions): Promise<Session> {
    try {
      return await login(current.ticket, call);
    } catch (error) {
      // The ticket may have expired on the server's clock; the password still works.
      if (!(error instanceof ProxmoxAuthError)) throw error;
      return login(options.password, call);
    }
  }

  function once(action: 'login' | 'renew' | 'relogin', call: AuthCallOptions): Promise<Session> {
    if (!pending) {
      options.onEvent?.({ type: 'auth', action });
      const started = action === 'renew' && session ? renew(session, call) : login(options.password, call);
      pending = started.finally(() => {
        pending = undefined;
      });
    }
    return pending;
  }

  async function current(call: AuthCallOptions): Promise<Session> {
    if (pending) return pending;
    if (!session) return once('login', call);
    const age = options.now() - session.issuedAt;
    if (age >= ticketLifetimeMs) return once('login', call);
    if (age >= ticketLifetimeMs - ticketRenewMarginMs) return once('renew', call);
    return session;
  }

  return {
    credential,
    async headers(method: HttpMethod, call: AuthCallOptions) {
      const { ticket, csrf } = await current(call);
      const cookie = { cookie: `PVEAuthCookie=${encodeURIComponent(ticket)}` };
      return method === 'GET' ? cookie : { ...cookie, csrfpreventiontoken: csrf };
    },
    async recover(call: AuthCallOptions) {
      session = undefined;
      await once('relogin', call);
      return true;
    },
  };
}
