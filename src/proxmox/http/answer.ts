import {
  type Credential,
  ProxmoxAuthError,
  type ProxmoxCall,
  type ProxmoxError,
  ProxmoxNotImplementedError,
  ProxmoxParameterError,
  ProxmoxPermissionError,
  ProxmoxResponseError,
  ProxmoxServerError,
  ProxmoxUnreachableError,
} from '../errors.js';
import { EnvelopeSchema, type Envelope } from '../schemas/wire.js';
import type { RawAnswer } from './transport.js';

/** Who made the call, for error messages that name the fix. */
export interface Caller {
  profile: string;
  credential: Credential;
}

export interface Unwrapped {
  data: unknown;
  total: number | undefined;
}

/** Gives an HTTP answer its Proxmox meaning: the envelope's data, or the typed error its status stands for. */
export function unwrapAnswer(answer: RawAnswer, call: ProxmoxCall, caller: Caller): Unwrapped {
  const envelope = parseEnvelope(answer.body);
  if (answer.status === 200) {
    if (!envelope)
      throw new ProxmoxResponseError(
        `HTTP 200 without the JSON envelope (${answer.contentType || 'no content type'})`,
        call,
      );
    return { data: envelope.data, total: envelope.total };
  }
  throw errorForStatus(answer, envelope, call, caller);
}

function errorForStatus(
  answer: RawAnswer,
  envelope: Envelope | undefined,
  call: ProxmoxCall,
  caller: Caller,
): ProxmoxError {
  const message = oneLine(envelope?.message || answer.statusText || `HTTP ${answer.status}`);
  switch (answer.status) {
    case 400:
      return new ProxmoxParameterError(trimValues(envelope?.errors ?? {}), message, call);
    case 401:
      return new ProxmoxAuthError(caller.profile, caller.credential, message, call);
    case 403:
      return new ProxmoxPermissionError(identityOf(caller.credential), message, call);
    case 500:
      return new ProxmoxServerError(message, call);
    case 501:
      return new ProxmoxNotImplementedError(message, call);
    case 595:
    case 596:
      return new ProxmoxUnreachableError(
        { kind: 'node', node: nodeInPath(call.path), status: answer.status, reason: message },
        call,
      );
    default:
      if (answer.status >= 300 && answer.status < 400) {
        return new ProxmoxResponseError(
          `HTTP ${answer.status} redirect; the profile url must be the API host itself, https://HOST:8006`,
          call,
        );
      }
      return new ProxmoxResponseError(`HTTP ${answer.status} ${message}`, call);
  }
}

export function identityOf(credential: Credential): string {
  return credential.kind === 'token' ? credential.tokenId : credential.username;
}

function parseEnvelope(body: string): Envelope | undefined {
  if (body.trim() === '') return undefined;
  try {
    const parsed = EnvelopeSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Proxmox messages end in "\n" and may span lines; ours are one line. */
function oneLine(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, ' ');
}

function trimValues(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([name, reason]) => [name, oneLine(reason)]));
}

function nodeInPath(path: string): string | undefined {
  const match = /^\/nodes\/([^/]+)/.exec(path);
  return match ? decodeURIComponent(match[1]!) : undefined;
}
