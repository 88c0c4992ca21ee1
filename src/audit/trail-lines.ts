import fs from 'node:fs';
import path from 'node:path';
import { parseRecordLine, type ParsedLine } from './record.js';

/** One line of a day file, as stored. */
export interface TrailLine {
  file: string;
  /** 1-based. */
  line: number;
  /** False for a last line with no newline: a write cut short. */
  terminated: boolean;
  /** Null for an unterminated line, which is never parsed. */
  parsed: ParsedLine | null;
  text: string;
}

/** A day file to read, up to `size` bytes when given (a snapshot), else to its current end. */
export interface DayFileExtent {
  name: string;
  size?: number;
}

/** Every line of the given day files in order, streamed; a file that vanished meanwhile yields nothing. */
export async function* readTrailLines(dir: string, files: readonly DayFileExtent[]): AsyncGenerator<TrailLine> {
  for (const { name: file, size } of files) {
    if (size === 0) continue;
    let line = 0;
    let pending = Buffer.alloc(0);
    const emit = (bytes: Buffer, terminated: boolean): TrailLine => {
      line += 1;
      const text = bytes.toString('utf8');
      return { file, line, terminated, text, parsed: terminated ? parseRecordLine(text) : null };
    };
    try {
      for await (const chunk of fs.createReadStream(path.join(dir, file), {
        highWaterMark: 256 * 1024,
        ...(size === undefined ? {} : { end: size - 1 }),
      })) {
        let data = pending.length > 0 ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
        for (let newline = data.indexOf(0x0a); newline !== -1; newline = data.indexOf(0x0a)) {
          yield emit(data.subarray(0, newline), true);
          data = data.subarray(newline + 1);
        }
        pending = Buffer.from(data);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    if (pending.length > 0) yield emit(pending, false);
  }
}
