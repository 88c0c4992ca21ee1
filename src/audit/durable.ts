import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensurePrivateDir } from '../config/private-files.js';

// The writes of an append use synchronous calls: inside the lock they run back
// to back, and skipping the thread pool halves the time the lock is held. Only
// the two fsyncs of an append run on the pool, side by side.

const fsyncInPool = promisify(fs.fsync);

/** Creates the audit directory 0700, or tightens a looser existing one; a new directory is made durable in its parent. */
export function ensureAuditDir(dir: string): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (stat && (stat.mode & 0o077) === 0) return;
  ensurePrivateDir(dir);
  if (!stat) syncDir(path.dirname(dir));
}

/**
 * Appends `text` to `file` and returns only once it is on disk: the file is
 * fsynced, and when this call creates it (`exists` false), so is its
 * directory entry. A failed write is cut back so no half line stays behind.
 * Callers hold the audit lock, so nobody else creates the file meanwhile.
 */
export function appendDurably(target: AppendTarget): void {
  const opened = openForAppend(target);
  try {
    writeAll(opened.fd, Buffer.from(target.text, 'utf8'));
    fs.fsyncSync(opened.fd);
  } catch (error) {
    cutBack(opened);
    throw error;
  } finally {
    fs.closeSync(opened.fd);
  }
  if (!target.exists) syncDir(path.dirname(target.file));
}

export interface AppendTarget {
  file: string;
  text: string;
  exists: boolean;
}

/**
 * Like appendDurably, and also replaces `replacement.file` atomically: its
 * new content is written to a temporary file and fsynced alongside the
 * appended line, and renamed into place only once both are on disk. So the
 * replacement (HEAD) is never ahead of the line, and never half written.
 */
export async function appendThenReplace(
  target: AppendTarget,
  replacement: { file: string; text: string },
): Promise<void> {
  const opened = openForAppend(target);
  const temp = `${replacement.file}.tmp`;
  let staged: number | null = null;
  try {
    writeAll(opened.fd, Buffer.from(target.text, 'utf8'));
    staged = fs.openSync(temp, 'w', 0o600);
    writeAll(staged, Buffer.from(replacement.text, 'utf8'));
    const synced = await Promise.allSettled([fsyncInPool(opened.fd), fsyncInPool(staged)]);
    for (const result of synced) if (result.status === 'rejected') throw result.reason;
  } catch (error) {
    cutBack(opened);
    throw error;
  } finally {
    fs.closeSync(opened.fd);
    if (staged !== null) fs.closeSync(staged);
  }
  if (!target.exists) syncDir(path.dirname(target.file));
  fs.renameSync(temp, replacement.file);
}

function openForAppend(target: AppendTarget): { fd: number; size: number } {
  const fd = fs.openSync(target.file, target.exists ? 'a' : 'ax', 0o600);
  try {
    const stat = fs.fstatSync(fd);
    // Safety: a day file loosened by hand is tightened back before more is added to it.
    if (stat.isFile() && (stat.mode & 0o077) !== 0) fs.fchmodSync(fd, 0o600);
    return { fd, size: stat.size };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

function cutBack(opened: { fd: number; size: number }): void {
  try {
    fs.ftruncateSync(opened.fd, opened.size);
  } catch {
    // The next append finds the torn line and repairs it.
  }
}

/** Cuts `file` back to `size` bytes and makes that durable. */
export function truncateDurably(file: string, size: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.ftruncateSync(fd, size);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function writeAll(fd: number, data: Buffer): void {
  for (let offset = 0; offset < data.length;) offset += fs.writeSync(fd, data, offset, data.length - offset);
}

function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
