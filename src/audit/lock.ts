import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { AuditWriteError } from './audit-write-error.js';

export const lockName = 'LOCK';

/** How long a lock whose holder stopped refreshing it blocks others, unless a sink is told otherwise. */
export const defaultLockStaleMs = 5_000;

/** Throws unless the lock is still ours; call it right before each write. */
export type AssertLockHeld = () => void;

/**
 * Runs `work` holding the audit directory's lock, shared by every process
 * that appends. A holder that crashed leaves a lock whose mtime stops
 * moving; after `staleMs` another process takes it over (proper-lockfile
 * refreshes the mtime of a live holder every staleMs/2).
 */
export async function withAuditLock<T>(
  dir: string,
  staleMs: number,
  work: (assertHeld: AssertLockHeld) => Promise<T>,
): Promise<T> {
  let lost: Error | null = null;
  const release = await acquire(dir, staleMs, (error) => {
    lost = error;
  });
  const assertHeld: AssertLockHeld = () => {
    // Safety: a holder stalled past the stale limit may have been overtaken; writing now could fork the chain.
    if (lost)
      throw new AuditWriteError(
        `lost the audit lock ${path.join(dir, lockName)} (${lost.message}); the call was stopped`,
        'audit.lock-lost',
      );
  };
  try {
    return await work(assertHeld);
  } finally {
    if (!lost) releaseQuietly(release);
  }
}

/** The work is done (and durable) by now; a lock that cannot be removed turns stale and is taken over later. */
function releaseQuietly(release: () => void): void {
  try {
    release();
  } catch {
    // Nothing to undo: see above.
  }
}

async function acquire(dir: string, staleMs: number, onCompromised: (error: Error) => void): Promise<() => void> {
  const lockfilePath = path.join(dir, lockName);
  // A dead holder's lock turns stale after staleMs plus up to 1 s of mtime rounding; wait a little longer than that.
  const deadline = Date.now() + 2 * staleMs + 2_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return lockfile.lockSync(dir, { lockfilePath, realpath: false, stale: staleMs, onCompromised });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() > deadline) {
        throw new AuditWriteError(
          `the audit trail stayed locked by another process (${lockfilePath}); the call was stopped`,
          'audit.locked',
          { cause: error },
        );
      }
      await sleep(Math.min(25, 2 ** attempt));
    }
  }
}
