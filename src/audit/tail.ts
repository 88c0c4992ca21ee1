import fs from 'node:fs';
import path from 'node:path';
import { listDayFiles } from './day-files.js';
import { parseRecordLine, type ParsedLine } from './record.js';

/** Bytes after the last newline of the newest day file: a write that a crash cut short. */
export interface TornTail {
  file: string;
  offset: number;
  bytes: Buffer;
}

/** The end of the trail as the day files show it, read fresh under the lock. */
export interface TrailTail {
  /** The newest day file, empty or not; appends never go to an older one. */
  newestFile: string | null;
  /** The last complete line and the file it is in; null when no file holds one. */
  last: { file: string; parsed: ParsedLine } | null;
  torn: TornTail | null;
}

const firstWindow = 16 * 1024;

export function readTrailTail(dir: string): TrailTail {
  const files = listDayFiles(dir);
  const newestFile = files.at(-1) ?? null;
  let torn: TornTail | null = null;
  for (let i = files.length - 1; i >= 0; i--) {
    const file = files[i]!;
    const end = lastLineOf(path.join(dir, file));
    if (end.torn) {
      // Only the newest file holding bytes can end in a cut-short line; an older one doing so was damaged.
      if (torn)
        return {
          newestFile,
          last: { file, parsed: { status: 'malformed', reason: 'it ends in a cut-short line' } },
          torn,
        };
      torn = { file, ...end.torn };
    }
    if (end.line !== null) return { newestFile, last: { file, parsed: parseRecordLine(end.line) }, torn };
  }
  return { newestFile, last: null, torn };
}

interface FileEnd {
  /** The last newline-terminated line, without its newline. */
  line: string | null;
  torn: { offset: number; bytes: Buffer } | null;
}

/** Reads backwards from the end, widening the window until the last complete line fits. */
function lastLineOf(file: string): FileEnd {
  const fd = fs.openSync(file, 'r');
  try {
    const { size } = fs.fstatSync(fd);
    for (let window = firstWindow; ; window *= 4) {
      const start = Math.max(0, size - window);
      const buffer = Buffer.alloc(size - start);
      readAll(fd, buffer, start);
      const lastNewline = buffer.lastIndexOf(0x0a);
      const tornAt = lastNewline + 1;
      const torn = tornAt < buffer.length ? { offset: start + tornAt, bytes: buffer.subarray(tornAt) } : null;
      if (lastNewline === -1 && start === 0) return { line: null, torn };
      const lineStart = lastNewline > 0 ? buffer.lastIndexOf(0x0a, lastNewline - 1) + 1 : 0;
      if (lastNewline !== -1 && (lineStart > 0 || start === 0)) {
        return { line: buffer.subarray(lineStart, lastNewline).toString('utf8'), torn };
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

function readAll(fd: number, buffer: Buffer, position: number): void {
  for (let done = 0; done < buffer.length;) {
    const read = fs.readSync(fd, buffer, done, buffer.length - done, position + done);
    if (read === 0) throw new Error('the day file shrank while it was read');
    done += read;
  }
}
