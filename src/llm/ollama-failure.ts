import { AppError } from '../shared/errors.js';
import {
  ModelAbortedError,
  ModelNotFoundError,
  ModelStreamEndedError,
  ModelStreamError,
  ModelWithoutToolsError,
  OllamaResponseError,
  OllamaUnavailableError,
} from './errors.js';

export interface FailureContext {
  host: string;
  model: string;
  signal?: AbortSignal;
  /** `stream`: the answer had started, so a failure is a broken answer, not a refused request. */
  phase: 'request' | 'stream';
}

const connectionReasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'connection timed out',
  ENOENT: 'no such socket',
  EACCES: 'socket not accessible',
};

/** Turns what ollama-js or fetch threw into one of our typed errors; unknown bugs pass through unchanged. */
export function toModelError(error: unknown, context: FailureContext): unknown {
  if (AppError.isInstance(error)) return error;
  if (context.signal?.aborted || isAbort(error)) return new ModelAbortedError(context.model, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  const status = statusOf(error);
  if (status !== undefined) return fromStatus(status, message, context, error);
  const dropped = droppedConnection(error);
  if (dropped) {
    return new ModelStreamEndedError(
      context.model,
      `Ollama at ${context.host} closed the connection ${context.phase === 'stream' ? 'mid-answer' : 'before answering'} (model '${context.model}', ${dropped})`,
      { cause: error },
    );
  }
  const code = systemCode(error);
  if (context.phase === 'request' && code !== undefined) {
    return new OllamaUnavailableError(context.host, connectionReasons[code] ?? code.toLowerCase(), { cause: error });
  }
  if (context.phase === 'stream' && error instanceof Error)
    return new ModelStreamError(context.model, message, { cause: error });
  if (error instanceof SyntaxError) return new OllamaResponseError(context.host, undefined, message, { cause: error });
  if (context.phase === 'request' && error instanceof TypeError && message === 'fetch failed') {
    return new OllamaUnavailableError(context.host, 'no answer', { cause: error });
  }
  return error;
}

function fromStatus(status: number, message: string, context: FailureContext, cause: unknown): AppError {
  if (status === 404 && /model/i.test(message)) return new ModelNotFoundError(context.model, context.host, { cause });
  if (status === 400 && /does not support tools/i.test(message))
    return new ModelWithoutToolsError(context.model, { cause });
  return new OllamaResponseError(context.host, status, message, { cause });
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** ollama-js's ResponseError is not exported; it carries the HTTP status as `status_code`. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { status_code?: unknown } | null)?.status_code;
  return typeof status === 'number' ? status : undefined;
}

/**
 * A connection Ollama had accepted and then closed or reset (undici's
 * `other side closed`, a reset, a body `terminated`): Ollama is running, so
 * this is never reported as "not running". A refused connection is not this.
 */
function droppedConnection(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE') {
      const message = current instanceof Error ? current.message : '';
      return message ? message : String(code).toLowerCase();
    }
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof TypeError && error.message === 'terminated' ? 'terminated' : undefined;
}

/** fetch wraps socket errors: `TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })`. */
function systemCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
