import path from 'node:path';
import { appendUnderLock } from './append.js';
import { AuditWriteError } from './audit-write-error.js';
import { ensureAuditDir } from './durable.js';
import { defaultLockStaleMs, withAuditLock } from './lock.js';
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
  /** Told after each durable append, e.g. to wake the forwarder; must not throw or wait. */
  afterAppend?: () => void;
}

/** Appends of this process per audit directory, chained so that sinks of one process never race each other for the lock. */
const queues = new Map<string, Promise<unknown>>();

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
  const key = path.resolve(options.dir);
  const appendOne = async (entry: AuditEntry) => {
    try {
      ensureAuditDir(options.dir);
      const written = await withAuditLock(options.dir, staleMs, (assertHeld) =>
        appendUnderLock(entry, { dir: options.dir, now, redactor, assertHeld }),
      );
      options.afterAppend?.();
      return written;
    } catch (error) {
      if (error instanceof AuditWriteError) throw error;
      throw new AuditWriteError(
        `cannot write the audit trail in ${options.dir}: ${describe(error)}; the call was stopped`,
        'audit.write',
        { cause: error },
      );
    }
  };
  return {
    append(entry) {
      const result = (queues.get(key) ?? Promise.resolve()).then(() => appendOne(entry));
      queues.set(
        key,
        result.catch(() => undefined),
      );
      return result;
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
