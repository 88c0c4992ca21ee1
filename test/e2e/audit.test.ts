import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditSink, type AuditEntry } from '../../src/audit/index.js';
import { startAppender } from '../audit/processes.js';
import { entry, readLines, steppingClock, writeLines } from '../audit/support.js';
import { runCli, tempHome } from '../support/cli.js';

const dayFile = (home: string) => path.join(home, 'audit', '2026-11-23.jsonl');

/** A session as the scheduler records it: a confirmed start, a denied stop, a read. */
async function recordSession(home: string): Promise<void> {
  const sink = openAuditSink({ dir: path.join(home, 'audit'), now: steppingClock() });
  const target = { node: 'pve1', vmid: 101, name: 'db-01-primary-postgres', tags: ['prod'] };
  const step = (overrides: Partial<AuditEntry>) => sink.append(entry({ session: 's_e2e', ...overrides }));
  await step({ kind: 'session-start', tool: null, args: null, target: null });
  const start = await step({ kind: 'call', tool: 'start_vm', args: { vmid: 101 }, target: null });
  await step({
    kind: 'decision',
    parentSeq: start.seq,
    target,
    verdict: 'ask',
    ruleId: 'power-asks',
    decidedBy: 'rule:power-asks',
  });
  await step({ kind: 'answer', parentSeq: start.seq, target, verdict: 'allow', decidedBy: 'human' });
  await step({ kind: 'result', parentSeq: start.seq, target, outcome: { status: 'ok', summary: 'VM 101 started' } });
  const stop = await step({ kind: 'call', tool: 'stop_vm', args: { vmid: 101 }, target: null });
  await step({
    kind: 'decision',
    parentSeq: stop.seq,
    target,
    verdict: 'deny',
    ruleId: 'production-is-hands-off',
    decidedBy: 'rule:production-is-hands-off',
  });
  await step({
    kind: 'result',
    parentSeq: stop.seq,
    target,
    outcome: { status: 'denied', summary: 'denied by policy' },
  });
  await step({ kind: 'call', tool: 'list_vms', args: {}, target: null });
}

describe('proxmox-ai audit (built binary)', () => {
  it('says so when there is no trail yet, and verifies it with 0 records', async () => {
    const home = tempHome();
    expect(await runCli(['audit', 'show'], { home })).toMatchObject({
      code: 0,
      stdout: '',
      stderr: expect.stringContaining('no audit records yet'),
    });
    expect(await runCli(['audit', 'verify'], { home })).toMatchObject({
      code: 0,
      stdout: 'audit trail ok: 0 records, 0 sessions\n',
    });
  });

  it('verifies records appended by two processes at once', async () => {
    const home = tempHome();
    const writers = ['s_tui', 's_mcp'].map((session) =>
      startAppender(path.join(home, 'audit'), { count: 100, session, lockStaleMs: 5_000 }),
    );
    expect(await Promise.all(writers.map((writer) => writer.exited))).toEqual([0, 0]);
    const run = await runCli(['audit', 'verify'], { home });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^audit trail ok: 200 records, 2 sessions, \S+ to \S+, last hash [0-9a-f]{16}\n$/);
  }, 60_000);

  it('exits 4 naming the record a sed-style edit changed', async () => {
    const home = tempHome();
    await recordSession(home);
    fs.writeFileSync(dayFile(home), fs.readFileSync(dayFile(home), 'utf8').replace('"stop_vm"', '"list_vms"'));
    const run = await runCli(['audit', 'verify'], { home });
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr).toBe(
      'proxmox-ai: audit trail damaged: edited at 2026-11-23.jsonl:6 (seq 6): its hash does not match its content (the 5 records before it verify)\n',
    );
  });

  it('exits 4 with kind removed when a line is deleted', async () => {
    const home = tempHome();
    await recordSession(home);
    writeLines(
      dayFile(home),
      readLines(dayFile(home)).filter((_, i) => i !== 2),
    );
    const run = await runCli(['audit', 'verify'], { home });
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr).toContain('removed at 2026-11-23.jsonl:3 (seq 4)');
  });

  it('exits 4 with kind truncated when the tail is cut', async () => {
    const home = tempHome();
    await recordSession(home);
    writeLines(dayFile(home), readLines(dayFile(home)).slice(0, -2));
    const run = await runCli(['audit', 'verify'], { home });
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr).toContain('truncated at 2026-11-23.jsonl:8 (seq 8)');
  });

  it('states in its help what it guarantees after a crash', async () => {
    const run = await runCli(['audit', 'verify', '--help'], { home: tempHome() });
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(
      'removing any record of a call whose answer was given, or cutting the trail back to before it, makes verify fail',
    );
  });

  it('prints one JSON report with the damage and an error under --json', async () => {
    const home = tempHome();
    await recordSession(home);
    writeLines(dayFile(home), readLines(dayFile(home)).slice(0, -1));
    const run = await runCli(['audit', 'verify', '--json'], { home });
    expect(run.code, run.stderr).toBe(4);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: false,
      records: 8,
      damage: { kind: 'truncated', seq: 9 },
      error: { code: 'audit.damaged' },
    });
  });

  it('shows one row per call, folding in decision, answer and result, within 80 columns', async () => {
    const home = tempHome();
    await recordSession(home);
    const run = await runCli(['audit', 'show'], { home });
    const lines = run.stdout.trimEnd().split('\n');
    expect(run.code, run.stderr).toBe(0);
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines).toEqual([
      'TIME     ORIGIN    TOOL             TARGET         VERDICT DECIDED BY   OUTCOME',
      '-- 2026-11-23 (UTC) --',
      '10:00:00 tui       (session-start)  -',
      '10:00:01 tui       start_vm         101 db-01-pri… ask:yes human        ok',
      '10:00:05 tui       stop_vm          101 db-01-pri… deny    rule:produc… denied',
      '10:00:08 tui       list_vms         -',
    ]);
  });

  it('prints the matching records as one JSON array with --json', async () => {
    const home = tempHome();
    await recordSession(home);
    const run = await runCli(['audit', 'show', '--tool', 'st*_vm', '--json'], { home });
    const records = JSON.parse(run.stdout) as Array<{ seq: number; tool: string }>;
    expect(records.map((record) => record.seq)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('exports the stored lines as JSON Lines', async () => {
    const home = tempHome();
    await recordSession(home);
    const run = await runCli(['audit', 'export', '--since', '2026-11-23T10:00:07Z', '--json'], { home });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      readLines(dayFile(home))
        .slice(7)
        .map((line) => `${line}\n`)
        .join(''),
    );
  });

  it('exits 2 on a --since it cannot read', async () => {
    const run = await runCli(['audit', 'show', '--since', 'yesterday'], { home: tempHome() });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain("--since 'yesterday' is not a time");
  });
});
