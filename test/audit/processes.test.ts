import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openAuditSink, readAuditRecords, verifyAudit, type AuditRecord } from '../../src/audit/index.js';
import { startAppender } from './processes.js';
import { entry, tempAuditDir } from './support.js';

async function recordsBySeq(dir: string): Promise<Map<number, AuditRecord>> {
  const bySeq = new Map<number, AuditRecord>();
  for await (const record of readAuditRecords(dir)) bySeq.set(record.seq, record);
  return bySeq;
}

/** A seeded generator, so the kill times are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('the audit trail shared by processes', () => {
  it('keeps one valid chain when two processes append hundreds of records at once', async () => {
    const dir = tempAuditDir();
    const writers = [
      startAppender(dir, { count: 300, session: 's_a', lockStaleMs: 5_000 }),
      startAppender(dir, { count: 300, session: 's_b', lockStaleMs: 5_000 }),
    ];
    expect(await Promise.all(writers.map((writer) => writer.exited))).toEqual([0, 0]);
    expect(await verifyAudit(dir)).toMatchObject({ ok: true, records: 600, sessions: 2 });
    const acked = writers.flatMap((writer) => writer.acks.map((ack) => ack.seq)).sort((a, b) => a - b);
    expect(acked).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
  }, 60_000);

  it('verifies clean at any moment while two processes append', async () => {
    const dir = tempAuditDir();
    const writers = [
      startAppender(dir, { count: 150, session: 's_a', lockStaleMs: 5_000 }),
      startAppender(dir, { count: 150, session: 's_b', lockStaleMs: 5_000 }),
    ];
    const done = Promise.all(writers.map((writer) => writer.exited));
    let finished = false;
    void done.then(() => (finished = true));
    const reports = [];
    while (!finished) reports.push(await verifyAudit(dir));
    expect(await done).toEqual([0, 0]);
    expect(reports.filter((report) => !report.ok)).toEqual([]);
  }, 60_000);

  it('never loses an acknowledged record when writers are killed with SIGKILL mid-append', async () => {
    const dir = tempAuditDir();
    const random = seededRandom(20_261_123);
    const acks: Array<{ seq: number; hash: string }> = [];
    for (let round = 0; round < 8; round++) {
      const writer = startAppender(dir, { count: 1_000_000, session: `s_round${round}`, lockStaleMs: 2_000 });
      await writer.firstAck;
      await sleep(Math.floor(random() * 120));
      writer.child.kill('SIGKILL');
      expect(await writer.exited).toBeNull();
      acks.push(...writer.acks);
    }
    const stored = await recordsBySeq(dir);
    const missing = acks.filter((ack) => stored.get(ack.seq)?.hash !== ack.hash);
    expect({ acknowledged: acks.length, missing }).toEqual({ acknowledged: acks.length, missing: [] });
    const report = await verifyAudit(dir);
    expect(report.ok || report.damage.kind === 'truncated').toBe(true);
    // The next writer repairs any torn tail and the whole trail verifies again.
    await openAuditSink({ dir, lockStaleMs: 2_000 }).append(entry({ session: 's_after' }));
    expect(await verifyAudit(dir)).toMatchObject({ ok: true });
  }, 90_000);
});
