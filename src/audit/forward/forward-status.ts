import path from 'node:path';
import lockfile from 'proper-lockfile';
import { readHead } from '../head.js';
import { defaultLockStaleMs } from '../lock.js';
import { forwardLockName } from './forwarder.js';
import { forwardStateFile, readForwardState, type ForwardState } from './forward-state.js';
import { locate, TrailCursor, trailStart } from './trail-cursor.js';

/** What `audit forward status` and `doctor` show. */
export interface ForwardStatus {
  /** The configured receiver. */
  receiver: string;
  /** The last record the receiver took, 0 before the first. */
  deliveredSeq: number;
  /** The last record in the trail (audit/HEAD). */
  lastSeq: number;
  /** Records written but not delivered yet. */
  lag: number;
  /** `ts` of the oldest record not delivered yet; null when there is none. */
  oldestWaiting: string | null;
  /** The process forwarding now; null when none holds the forwarding lock. */
  sender: ForwardState['sender'];
  lastError: ForwardState['lastError'];
  updatedAt: string | null;
}

export async function forwardStatus(dir: string, receiver: string): Promise<ForwardStatus> {
  const state = readForwardState(dir);
  const mine = state?.receiver === receiver ? state : null;
  const delivered = mine ? await locate(dir, mine.delivered) : trailStart;
  const head = readHead(dir);
  const lastSeq = head.status === 'present' ? Math.max(head.head.seq, delivered.seq) : delivered.seq;
  const waiting = lastSeq > delivered.seq ? new TrailCursor(dir, delivered).next()[0] : undefined;
  return {
    receiver,
    deliveredSeq: delivered.seq,
    lastSeq,
    lag: lastSeq - delivered.seq,
    oldestWaiting: waiting?.ts ?? null,
    sender: mine && isLocked(dir) ? mine.sender : null,
    lastError: mine?.lastError ?? null,
    updatedAt: mine?.updatedAt ?? null,
  };
}

function isLocked(dir: string): boolean {
  try {
    return lockfile.checkSync(path.join(dir, forwardStateFile), {
      lockfilePath: path.join(dir, forwardLockName),
      realpath: false,
      stale: defaultLockStaleMs,
    });
  } catch {
    return false;
  }
}
