import fs from 'node:fs';
import path from 'node:path';
import { listDayFiles } from './day-files.js';
import { readHead, type HeadState } from './head.js';
import { defaultLockStaleMs, withAuditLock } from './lock.js';
import type { DayFileExtent } from './trail-lines.js';

/** The day files' sizes and HEAD at one moment between two appends. */
export interface TrailSnapshot {
  files: Array<Required<DayFileExtent>>;
  head: HeadState;
}

const readOnlyCodes = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Takes the snapshot under the audit lock, so that an append running in
 * another process is never seen half written (which would look like a torn
 * line). A trail that cannot be locked, such as a read-only copy, is read as
 * it is.
 */
export async function snapshotTrail(dir: string): Promise<TrailSnapshot> {
  if (!fs.existsSync(dir)) return { files: [], head: { status: 'missing' } };
  try {
    return await withAuditLock(dir, defaultLockStaleMs, async () => take(dir));
  } catch (error) {
    if (readOnlyCodes.has((error as NodeJS.ErrnoException).code ?? '')) return take(dir);
    throw error;
  }
}

function take(dir: string): TrailSnapshot {
  const files = listDayFiles(dir).map((name) => ({ name, size: fs.statSync(path.join(dir, name)).size }));
  return { files, head: readHead(dir) };
}
