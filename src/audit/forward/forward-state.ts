import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { TrailPosition } from './trail-cursor.js';

/**
 * `audit/FORWARD`: how far forwarding got. Written only by the process that
 * holds the forwarding lock; read by `audit forward status` and `doctor`.
 */
export interface ForwardState {
  /** The receiver these positions belong to; another receiver starts from the first record. */
  receiver: string;
  /** After the last record the receiver took (see forwarder.ts for what counts). */
  delivered: TrailPosition;
  updatedAt: string;
  /** The process that forwards, while it holds the lock. */
  sender: { pid: number; host: string; since: string } | null;
  /** The last connection problem; null once a connection works again. */
  lastError: { message: string; at: string } | null;
}

export const forwardStateFile = 'FORWARD';

const positionSchema = z.strictObject({
  file: z.string().nullable(),
  offset: z.number().int().nonnegative(),
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

const stateSchema = z.strictObject({
  receiver: z.string(),
  delivered: positionSchema,
  updatedAt: z.string(),
  sender: z.strictObject({ pid: z.number().int(), host: z.string(), since: z.string() }).nullable(),
  lastError: z.strictObject({ message: z.string(), at: z.string() }).nullable(),
});

/** The saved state, or null when there is none or it cannot be read (forwarding then starts over: duplicates, never gaps). */
export function readForwardState(dir: string): ForwardState | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, forwardStateFile), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Replaces the state file atomically, without fsync: losing the latest
 * position to a crash only means sending some records again, while an fsync
 * here would compete with the appends' own for the disk.
 */
export function writeForwardState(dir: string, state: ForwardState): void {
  const file = path.join(dir, forwardStateFile);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}
