import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditSink, readAuditRecords, readStoredRecords, type AuditFilter } from '../../src/audit/index.js';
import { entry, readLines, steppingClock, tempAuditDir } from './support.js';

async function trail(): Promise<string> {
  const dir = tempAuditDir();
  const sink = openAuditSink({ dir, now: steppingClock('2026-11-22T22:00:00.000Z', 3_600_000) });
  await sink.append(entry({ session: 's_a', tool: 'list_vms' }));
  await sink.append(entry({ session: 's_a', tool: 'start_vm' }));
  await sink.append(entry({ session: 's_b', kind: 'session-start', tool: null }));
  await sink.append(entry({ session: 's_b', tool: 'stop_vm' }));
  return dir;
}

async function seqs(dir: string, filter?: AuditFilter): Promise<number[]> {
  const out: number[] = [];
  for await (const record of readAuditRecords(dir, filter)) out.push(record.seq);
  return out;
}

describe('readAuditRecords', () => {
  it('yields every record oldest first, across day files', async () => {
    expect(await seqs(await trail())).toEqual([1, 2, 3, 4]);
  });

  it('keeps one session', async () => {
    expect(await seqs(await trail(), { session: 's_b' })).toEqual([3, 4]);
  });

  it('keeps records at or after a time', async () => {
    expect(await seqs(await trail(), { since: new Date('2026-11-23T00:00:00.000Z') })).toEqual([3, 4]);
  });

  it('matches tool names with a glob and never matches records without a tool', async () => {
    expect(await seqs(await trail(), { tool: '{start,stop}_vm' })).toEqual([2, 4]);
    expect(await seqs(await trail(), { tool: '*' })).toEqual([1, 2, 4]);
  });

  it('skips a torn last line', async () => {
    const dir = await trail();
    fs.appendFileSync(path.join(dir, '2026-11-23.jsonl'), '{"seq":5,');
    expect(await seqs(dir)).toEqual([1, 2, 3, 4]);
  });

  it('returns each stored line byte for byte', async () => {
    const dir = await trail();
    const lines: string[] = [];
    for await (const stored of readStoredRecords(dir, { session: 's_a' })) lines.push(stored.line);
    expect(lines).toEqual(readLines(path.join(dir, '2026-11-22.jsonl')));
  });
});
