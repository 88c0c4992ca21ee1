import fs from 'node:fs';
import path from 'node:path';
import { listDayFiles } from '../day-files.js';
import { genesisHash } from '../record.js';
import { readTrailLines } from '../trail-lines.js';

/** A place in the trail: just after the record `seq` (with `hash`), which ends at `offset` in `file`. */
export interface TrailPosition {
  /** null before the first day file. */
  file: string | null;
  offset: number;
  seq: number;
  hash: string;
}

/** One complete line of the trail and the position just after it. */
export interface CursorLine {
  text: string;
  ts: string;
  kind: string;
  after: TrailPosition;
}

export const trailStart: TrailPosition = { file: null, offset: 0, seq: 0, hash: genesisHash };

const readWindow = 256 * 1024;

/**
 * Reads the trail forward from a position, complete lines only: a line
 * still being written (no newline yet) is left for the next read. Day files
 * are read oldest first; appends never go to an older file than the newest,
 * so once a newer file exists the current one is finished.
 */
export class TrailCursor {
  constructor(
    private readonly dir: string,
    private at: TrailPosition,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get position(): TrailPosition {
    return this.at;
  }

  moveTo(position: TrailPosition): void {
    this.at = position;
  }

  /** The next complete lines (about 256 KiB at most), advancing past them; none when the trail has no more. */
  next(): CursorLine[] {
    for (;;) {
      const file = this.at.file ?? listDayFiles(this.dir)[0];
      if (file === undefined) return [];
      if (this.at.file === null) this.at = { ...this.at, file, offset: 0 };
      const lines = this.readFrom(file);
      if (lines.length > 0) return lines;
      const newer = listDayFiles(this.dir).find((name) => name > file);
      if (newer === undefined) return [];
      // The newer file exists, so this one is complete: read what it gained meanwhile before moving on.
      const rest = this.readFrom(file);
      if (rest.length > 0) return rest;
      this.at = { ...this.at, file: newer, offset: 0 };
    }
  }

  private readFrom(file: string): CursorLine[] {
    const full = path.join(this.dir, file);
    let size: number;
    try {
      size = fs.statSync(full).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const available = size - this.at.offset;
    if (available <= 0) return [];
    const bytes = readRange(full, this.at.offset, Math.min(available, readWindow));
    let end = bytes.lastIndexOf(0x0a);
    let chunk = bytes;
    // A line longer than the window: read on until its newline, or leave it when it is not complete yet.
    if (end === -1 && available > bytes.length) {
      chunk = readRange(full, this.at.offset, available);
      end = chunk.indexOf(0x0a);
    }
    if (end === -1) return [];
    const lines: CursorLine[] = [];
    let start = 0;
    let position = this.at;
    while (start <= end) {
      const newline = chunk.indexOf(0x0a, start);
      const text = chunk.subarray(start, newline).toString('utf8');
      const facts = lineFacts(text);
      position = {
        file,
        offset: this.at.offset + newline + 1,
        seq: facts?.seq ?? position.seq,
        hash: facts?.hash ?? position.hash,
      };
      lines.push({ text, ts: facts?.ts ?? this.now().toISOString(), kind: facts?.kind ?? 'unparsed', after: position });
      start = newline + 1;
    }
    this.at = position;
    return lines;
  }
}

/**
 * Where forwarding resumes: after the record the saved position names, if
 * that record is still where it was; otherwise after the record with that seq
 * and hash wherever it is now; failing both, from the start (sending again
 * beats losing records).
 */
export async function locate(dir: string, saved: TrailPosition): Promise<TrailPosition> {
  if (saved.seq === 0) return trailStart;
  if (saved.file !== null && lineBefore(path.join(dir, saved.file), saved.offset)?.hash === saved.hash) return saved;
  let offset = 0;
  let current: string | null = null;
  for await (const line of readTrailLines(
    dir,
    listDayFiles(dir).map((name) => ({ name })),
  )) {
    if (line.file !== current) {
      current = line.file;
      offset = 0;
    }
    offset += Buffer.byteLength(line.text) + (line.terminated ? 1 : 0);
    const facts = line.terminated ? lineFacts(line.text) : null;
    if (facts?.seq === saved.seq && facts.hash === saved.hash)
      return { file: line.file, offset, seq: saved.seq, hash: saved.hash };
  }
  return trailStart;
}

interface LineFacts {
  seq: number;
  hash: string;
  ts: string;
  kind: string;
}

/** seq, hash, ts and kind of a record line; null for a line that is not a record. */
function lineFacts(text: string): LineFacts | null {
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    const { seq, hash, ts, kind } = data;
    if (typeof seq !== 'number' || typeof hash !== 'string' || typeof ts !== 'string' || typeof kind !== 'string')
      return null;
    return { seq, hash, ts, kind };
  } catch {
    return null;
  }
}

/** The record whose line ends just before `offset`. */
function lineBefore(file: string, offset: number): LineFacts | null {
  if (offset <= 0) return null;
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return null;
  }
  if (size < offset) return null;
  for (let window = 16 * 1024; ; window *= 4) {
    const start = Math.max(0, offset - window);
    const bytes = readRange(file, start, offset - start);
    if (bytes.at(-1) !== 0x0a) return null;
    const previous = bytes.lastIndexOf(0x0a, bytes.length - 2);
    if (previous !== -1 || start === 0) return lineFacts(bytes.subarray(previous + 1, -1).toString('utf8'));
  }
}

function readRange(file: string, position: number, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const read = fs.readSync(fd, buffer, done, length - done, position + done);
      if (read === 0) break;
      done += read;
    }
    return buffer.subarray(0, done);
  } finally {
    fs.closeSync(fd);
  }
}
