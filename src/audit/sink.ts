import { appendUnderLock } from './append.js';
import { AuditWriteError } from './audit-write-error.js';
import { ensureAuditDir } from './durable.js';
import { withAuditLock } from './lock.js';
import { createRedactor, type Redactor } from './redact.js';
import type { AuditEntry, AuditSink } from './types.js';

export interface AuditSinkOptions {
  /** The audit directory (`paths.auditDir`). */
  dir: string;
  now?: () => Date;
  /** Defaults to the built-in patterns only; pass one that knows the user's secrets.json values. */
  redactor?: Redactor;
  /** How long a lock whose holder stopped refreshing it blocks others (ms, at least 2000). */
  lockStaleMs?: number;
}

const defaultLockStaleMs = 5_000;

/**
 * The audit sink the scheduler writes through. Appends from this process run
 * one at a time; across processes they are serialised by the lock file. An
 * append resolves only once its record is durable and rejects with
 * AuditWriteError otherwise: the caller must stop.
 */
export function openAuditSink(options: AuditSinkOptions): AuditSink {
  const now = options.now ?? (() => new Date());
  const redactor = options.redactor ?? createRedactor();
  const staleMs = Math.max(2_000, options.lockStaleMs ?? defaultLockStaleMs);
  let queue: Promise<unknown> = Promise.resolve();
  const appendOne = async (entry: AuditEntry) => {
    try {
      ensureAuditDir(options.dir);
      return await withAuditLock(options.dir, staleMs, (assertHeld) => appendUnderLock(entry, { dir: options.dir, now, redactor, assertHeld }));
    } catch (error) {
      if (error instanceof AuditWriteError) throw error;
      throw new AuditWriteError(`cannot write the audit trail in ${options.dir}: ${describe(error)}; the call was stopped`, 'audit.write', { cause: error });
    }
  };
  return {
    append(entry) {
      const result = queue.then(() => appendOne(entry));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
