import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where one record sits in the day files of an audit directory. */
export interface RecordPlace {
  file: string;
  /** 0-based line index in its day file. */
  index: number;
}

const dayFile = /^\d{4}-\d{2}-\d{2}\.jsonl$/;

function dayFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => dayFile.test(name))
    .sort();
}

/** Every record's seq and place, read from the raw lines (a line that does not parse is skipped). */
export function placesBySeq(dir: string): Map<number, RecordPlace> {
  const places = new Map<number, RecordPlace>();
  for (const file of dayFiles(dir)) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      try {
        const seq = (JSON.parse(line) as { seq?: unknown }).seq;
        if (typeof seq === 'number') places.set(seq, { file, index });
      } catch {
        // An empty last line or a torn write: not a record.
      }
    });
  }
  return places;
}

/** Copies the audit directory's day files and HEAD into `into` (created), to damage the copy. */
export function copyTrail(dir: string, into = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-trail-'))): string {
  fs.mkdirSync(into, { recursive: true, mode: 0o700 });
  for (const name of fs.readdirSync(dir)) {
    if (dayFile.test(name) || name === 'HEAD') fs.copyFileSync(path.join(dir, name), path.join(into, name));
  }
  return into;
}

/** Removes the one line at `place`, as someone hiding a record would. */
export function removeRecord(dir: string, place: RecordPlace): void {
  const file = path.join(dir, place.file);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.splice(place.index, 1);
  fs.writeFileSync(file, lines.join('\n'));
}

/** Cuts the trail back to just before `place`: that line, the rest of its file and every later day file go. */
export function truncateBefore(dir: string, place: RecordPlace): void {
  const file = path.join(dir, place.file);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  fs.writeFileSync(
    file,
    lines
      .slice(0, place.index)
      .map((line) => `${line}\n`)
      .join(''),
  );
  for (const later of dayFiles(dir).filter((name) => name > place.file)) fs.rmSync(path.join(dir, later));
}
