import crypto from 'node:crypto';
import type http from 'node:http';
import { unauthorized } from '../server/api-error.js';
import type { Credentials } from './credentials.js';
import type { Identity } from './identity.js';
import type { TicketAuthority } from './tickets.js';

/**
 * Resolves the caller from `Authorization: PVEAPIToken=USER@REALM!ID=SECRET`,
 * or from a ticket (cookie `PVEAuthCookie` or `Authorization: PVEAuthCookie=`),
 * with the CSRF header required for ticket writes. Throws the 401s of pve-http-server.
 */
export function authenticate(
  req: http.IncomingMessage,
  method: string,
  credentials: Credentials,
  tickets: TicketAuthority,
): Identity {
  const authorization = req.headers.authorization ?? '';
  const token = /^PVEAPIToken[= ](.+)$/.exec(authorization);
  if (token) return tokenIdentity(decode(token[1]!), credentials);
  const ticket = /^PVEAuthCookie=(.+)$/.exec(authorization)?.[1] ?? cookie(req.headers.cookie, 'PVEAuthCookie');
  if (ticket === undefined) throw unauthorized('No ticket');
  const userid = tickets.verify(decode(ticket));
  const user = userid === undefined ? undefined : credentials.users.get(userid);
  if (!user) throw unauthorized('Authentication failed!');
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = req.headers.csrfpreventiontoken;
    if (typeof csrf !== 'string' || !tickets.verifyCsrf(user.userid, csrf))
      throw unauthorized('Permission denied - invalid csrf token');
  }
  return { authid: user.userid, userid: user.userid, viaTicket: true, grants: user.grants };
}

function tokenIdentity(value: string, credentials: Credentials): Identity {
  const split = value.lastIndexOf('=');
  const id = value.slice(0, split);
  const secret = value.slice(split + 1);
  const token = split > 0 ? credentials.tokens.get(id) : undefined;
  if (!token || !sameSecret(token.secret, secret)) throw unauthorized('Authentication failed!');
  const [userid, tokenName] = id.split('!') as [string, string];
  return { authid: id, userid, tokenName, viaTicket: false, grants: token.grants };
}

function sameSecret(expected: string, given: string): boolean {
  const a = crypto.createHash('sha256').update(expected).digest();
  const b = crypto.createHash('sha256').update(given).digest();
  // Safety: compare digests in constant time so secrets do not leak through response timings.
  return crypto.timingSafeEqual(a, b);
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
