import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDamage, openAuditSink, verifyAudit } from '../../src/audit/index.js';
import { entry, readLines, steppingClock, tempAuditDir, writeLines } from './support.js';

const days = ['2026-11-21.jsonl', '2026-11-22.jsonl', '2026-11-23.jsonl'];

/** Nine records, three per UTC day, in two sessions. */
async function threeDayTrail(): Promise<string> {
  const dir = tempAuditDir();
  const sink = openAuditSink({ dir, now: steppingClock('2026-11-21T01:00:00.000Z', 8 * 3_600_000) });
  for (let i = 0; i < 9; i++) await sink.append(entry({ session: i < 5 ? 's_one' : 's_two', args: { vmid: 100 + i } }));
  return dir;
}

function editFile(dir: string, day: string, change: (lines: string[]) => string[]): void {
  const file = path.join(dir, day);
  writeLines(file, change(readLines(file)));
}

/** Re-seals a line after editing it, as a careful forger would. */
function reseal(line: string): string {
  const body = line.replace(/,"hash":"[0-9a-f]{64}"\}$/, '}');
  return `${body.slice(0, -1)},"hash":"${createHash('sha256').update(body).digest('hex')}"}`;
}

async function damageOf(dir: string) {
  const report = await verifyAudit(dir);
  if (report.ok) throw new Error('expected damage, got a clean report');
  return report.damage;
}

describe('verifyAudit', () => {
  it('summarises an intact trail: records, sessions, first and last time', async () => {
    expect(await verifyAudit(await threeDayTrail())).toEqual({
      ok: true,
      records: 9,
      sessions: 2,
      first: '2026-11-21T01:00:00.000Z',
      last: '2026-11-23T17:00:00.000Z',
      lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('verifies a missing audit directory as an empty trail', async () => {
    expect(await verifyAudit(tempAuditDir())).toEqual({
      ok: true,
      records: 0,
      sessions: 0,
      first: null,
      last: null,
      lastHash: '0'.repeat(64),
    });
  });

  it('reports a changed record as edited, naming file, line and seq', async () => {
    const dir = await threeDayTrail();
    editFile(dir, days[1]!, (lines) =>
      lines.map((line, i) => (i === 1 ? line.replace('"vmid":104', '"vmid":666') : line)),
    );
    const damage = await damageOf(dir);
    expect(damage).toMatchObject({ kind: 'edited', file: '2026-11-22.jsonl', line: 2, seq: 5 });
    expect(describeDamage(damage)).toBe('edited at 2026-11-22.jsonl:2 (seq 5): its hash does not match its content');
  });

  it('reports a changed and re-hashed record as edited where the chain breaks', async () => {
    const dir = await threeDayTrail();
    editFile(dir, days[1]!, (lines) =>
      lines.map((line, i) => (i === 1 ? reseal(line.replace('"vmid":104', '"vmid":666')) : line)),
    );
    expect(await damageOf(dir)).toMatchObject({ kind: 'edited', file: '2026-11-22.jsonl', line: 3, seq: 6 });
  });

  it('reports a deleted line as removed', async () => {
    const dir = await threeDayTrail();
    editFile(dir, days[1]!, (lines) => lines.filter((_, i) => i !== 1));
    expect(await damageOf(dir)).toMatchObject({ kind: 'removed', file: '2026-11-22.jsonl', line: 2, seq: 6 });
  });

  it('reports the deleted first line of a day file as removed, not as a missing file', async () => {
    const dir = await threeDayTrail();
    editFile(dir, days[1]!, (lines) => lines.slice(1));
    expect(await damageOf(dir)).toMatchObject({ kind: 'removed', file: '2026-11-22.jsonl', line: 1, seq: 5 });
  });

  it('reports two swapped lines as reordered', async () => {
    const dir = await threeDayTrail();
    editFile(dir, days[1]!, ([a, b, c]) => [b!, a!, c!]);
    expect(await damageOf(dir)).toMatchObject({ kind: 'reordered', file: '2026-11-22.jsonl', line: 1, seq: 5 });
  });

  it('reports the last two lines swapped as reordered', async () => {
    const dir = await threeDayTrail();
    editFile(dir, days[2]!, ([a, b, c]) => [a!, c!, b!]);
    expect(await damageOf(dir)).toMatchObject({ kind: 'reordered', file: '2026-11-23.jsonl', line: 2, seq: 9 });
  });

  it('reports a duplicated record as inserted', async () => {
    const dir = await threeDayTrail();
    editFile(dir, days[1]!, ([a, b, c]) => [a!, b!, b!, c!]);
    expect(await damageOf(dir)).toMatchObject({ kind: 'inserted', file: '2026-11-22.jsonl', line: 3, seq: 5 });
  });

  it('reports a foreign line between two records as inserted', async () => {
    const dir = await threeDayTrail();
    editFile(dir, days[1]!, ([a, b, c]) => [a!, '{"seq":5,"note":"all fine"}', b!, c!]);
    expect(await damageOf(dir)).toMatchObject({ kind: 'inserted', file: '2026-11-22.jsonl', line: 2, seq: null });
  });

  it('reports a line added after the last acknowledged record as inserted', async () => {
    const dir = await threeDayTrail();
    editFile(dir, days[2]!, (lines) => [...lines, '{"seq":10,"note":"nothing to see"}']);
    expect(await damageOf(dir)).toMatchObject({ kind: 'inserted', file: '2026-11-23.jsonl', line: 4, seq: null });
  });

  it('reports a deleted last line as a truncated tail, from HEAD', async () => {
    const dir = await threeDayTrail();
    editFile(dir, days[2]!, (lines) => lines.slice(0, -1));
    expect(await damageOf(dir)).toMatchObject({ kind: 'truncated', file: '2026-11-23.jsonl', line: 3, seq: 9 });
  });

  it('reports a torn last line as truncated, not as success', async () => {
    const dir = await threeDayTrail();
    const file = path.join(dir, days[2]!);
    fs.truncateSync(file, fs.statSync(file).size - 40);
    expect(await damageOf(dir)).toMatchObject({ kind: 'truncated', file: '2026-11-23.jsonl', line: 3, seq: null });
  });

  it('reports a deleted day file in the middle as a missing day file', async () => {
    const dir = await threeDayTrail();
    fs.rmSync(path.join(dir, days[1]!));
    expect(await damageOf(dir)).toMatchObject({ kind: 'missing-day-file', file: '2026-11-23.jsonl', line: 1, seq: 7 });
  });

  it('reports a deleted newest day file as a missing day file', async () => {
    const dir = await threeDayTrail();
    fs.rmSync(path.join(dir, days[2]!));
    expect(await damageOf(dir)).toMatchObject({
      kind: 'missing-day-file',
      file: '2026-11-23.jsonl',
      line: null,
      seq: 7,
    });
  });

  it('reports a deleted HEAD', async () => {
    const dir = await threeDayTrail();
    fs.rmSync(path.join(dir, 'HEAD'));
    expect(await damageOf(dir)).toMatchObject({ kind: 'bad-head', file: 'HEAD' });
  });

  it('accepts a HEAD one record behind: a writer stopped after fsync, before moving HEAD', async () => {
    const dir = await threeDayTrail();
    const eighth = JSON.parse(readLines(path.join(dir, days[2]!))[1]!);
    fs.writeFileSync(path.join(dir, 'HEAD'), JSON.stringify({ seq: 8, hash: eighth.hash, file: days[2] }));
    expect(await verifyAudit(dir)).toMatchObject({ ok: true, records: 9 });
  });

  it('reports a HEAD that disagrees about the last record as edited', async () => {
    const dir = await threeDayTrail();
    fs.writeFileSync(path.join(dir, 'HEAD'), JSON.stringify({ seq: 9, hash: 'a'.repeat(64), file: days[2] }));
    expect(await damageOf(dir)).toMatchObject({ kind: 'edited', file: 'HEAD', seq: 9 });
  });
});
