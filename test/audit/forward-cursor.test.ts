import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locate, TrailCursor, trailStart } from '../../src/audit/forward/trail-cursor.js';
import { openAuditSink, verifyCopy } from '../../src/audit/index.js';
import { dayFiles, entry, readLines, steppingClock, tempAuditDir } from './support.js';

async function trail(count: number, now = steppingClock()) {
  const dir = tempAuditDir();
  const sink = openAuditSink({ dir, now });
  for (let i = 0; i < count; i++) await sink.append(entry({ args: { vmid: i } }));
  return dir;
}

const allLines = (dir: string) => dayFiles(dir).flatMap((file) => readLines(path.join(dir, file)));

describe('TrailCursor', () => {
  it('reads every complete line once, across day files, oldest first', async () => {
    const dir = await trail(6, steppingClock('2026-11-23T23:59:57.000Z', 1_000));
    expect(dayFiles(dir)).toEqual(['2026-11-23.jsonl', '2026-11-24.jsonl']);
    const cursor = new TrailCursor(dir, trailStart);
    const read = [...cursor.next(), ...cursor.next(), ...cursor.next()];
    expect(read.map((line) => line.text)).toEqual(allLines(dir));
    expect(cursor.next()).toEqual([]);
    expect(cursor.position.seq).toBe(6);
  });

  it('leaves a line that is still being written for the next read', async () => {
    const dir = await trail(2);
    const file = path.join(dir, dayFiles(dir)[0]!);
    const cursor = new TrailCursor(dir, trailStart);
    expect(cursor.next()).toHaveLength(2);
    fs.appendFileSync(file, '{"seq":3,"half');
    expect(cursor.next()).toEqual([]);
    expect(cursor.position.seq).toBe(2);
  });

  it('finds a saved position again, also after the file moved, and starts over when the record is gone', async () => {
    const dir = await trail(5);
    const cursor = new TrailCursor(dir, trailStart);
    const third = cursor.next()[2]!.after;
    expect(await locate(dir, third)).toEqual(third);
    expect(await locate(dir, { ...third, offset: 1 })).toEqual(third);
    expect(await locate(dir, { ...third, hash: 'f'.repeat(64) })).toEqual(trailStart);
  });
});

describe('verifyCopy', () => {
  it('verifies a receiver copy that holds records twice (at-least-once delivery)', async () => {
    const dir = await trail(5);
    const lines = allLines(dir);
    const copy = path.join(dir, '..', 'copy.jsonl');
    fs.writeFileSync(copy, [...lines.slice(0, 4), ...lines.slice(2)].map((line) => `${line}\n`).join(''));
    expect(await verifyCopy(copy)).toMatchObject({ ok: true, records: 5, repeats: 2 });
  });

  it('names a record missing from the copy', async () => {
    const dir = await trail(5);
    const lines = allLines(dir);
    const copy = path.join(dir, '..', 'copy.jsonl');
    fs.writeFileSync(copy, [...lines.slice(0, 2), ...lines.slice(3)].map((line) => `${line}\n`).join(''));
    expect(await verifyCopy(copy)).toMatchObject({ ok: false, damage: { kind: 'removed', seq: 4 } });
  });

  it('refuses a repeat whose content differs from the first copy', async () => {
    const dir = await trail(3);
    const lines = allLines(dir);
    const forged = lines[1]!.replace('"vmid":1', '"vmid":9');
    const copy = path.join(dir, '..', 'copy.jsonl');
    fs.writeFileSync(copy, [...lines, forged].map((line) => `${line}\n`).join(''));
    expect(await verifyCopy(copy)).toMatchObject({ ok: false });
  });
});
