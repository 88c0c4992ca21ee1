import type { IncomingHttpHeaders } from 'node:http';
import { isLoopback } from './listen-settings.js';
import type { Authentication } from './person-tokens.js';
import type { Refusal } from './refusal.js';

export interface GuardSettings {
  /** Resolves a bearer token to its person (`mcp token add`), or says why it is refused. */
  authenticate(token: string): Authentication;
  /** `mcp.allowedOrigins`. */
  allowedOrigins: readonly string[];
  /** Host names accepted besides loopback: `mcp.allowedHosts` and the address served on. */
  allowedHosts: readonly string[];
}

/**
 * Every request to the MCP endpoint passes here first (docs/architecture.md, "An MCP call"): the
 * Host must be a loopback name or listed (403), a present Origin must be listed (403), and the
 * bearer token must belong to a person whose token is neither revoked nor expired (401).
 * Returns that person.
 */
export function checkRequest(
  headers: IncomingHttpHeaders,
  settings: GuardSettings,
): { refusal: Refusal } | { person: string } {
  // Safety: a DNS-rebound name reaches us with its own Host; only names we serve under are answered.
  const host = hostName(headers.host ?? '');
  if (!isLoopback(host) && !settings.allowedHosts.some((allowed) => allowed.toLowerCase() === host)) {
    return {
      refusal: {
        status: 403,
        message: `Host ${host.slice(0, 200) || '(none)'} is not allowed; add it to mcp.allowedHosts to accept it`,
      },
    };
  }
  const origin = headers.origin;
  // Safety: browsers always send Origin on cross-site requests, so a web page
  // (or a DNS-rebound name) cannot reach the server unless its origin is listed.
  // Non-browser clients send no Origin and are judged by the token alone.
  if (origin !== undefined && !allowedOrigin(origin, settings.allowedOrigins)) {
    return {
      refusal: {
        status: 403,
        message: `Origin ${origin.slice(0, 200)} is not allowed; add it to mcp.allowedOrigins to accept it`,
      },
    };
  }
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  const challenge = { 'www-authenticate': 'Bearer realm="proxmox-ai"' };
  if (presented === undefined)
    return {
      refusal: {
        status: 401,
        message: "missing bearer token: send Authorization: Bearer <your token from 'proxmox-ai mcp token add'>",
        headers: challenge,
      },
    };
  const known = settings.authenticate(presented);
  return known.ok ? { person: known.person } : { refusal: { status: 401, message: known.reason, headers: challenge } };
}

/** `[::1]:8765` -> `::1`, `LocalHost:80` -> `localhost`. */
function hostName(header: string): string {
  const bracketed = /^\[([^\]]*)\]/.exec(header);
  return (bracketed ? bracketed[1]! : header.replace(/:\d*$/, '')).toLowerCase();
}

function allowedOrigin(origin: string, allowed: readonly string[]): boolean {
  const presented = normalOrigin(origin);
  return presented !== undefined && allowed.some((entry) => normalOrigin(entry) === presented);
}

function normalOrigin(value: string): string | undefined {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
