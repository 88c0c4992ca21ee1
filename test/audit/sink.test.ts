import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AuditWriteError,
  createRedactor,
  genesisHash,
  openAuditSink,
  verifyAudit,
  type AuditEntry,
} from '../../src/audit/index.js';
import { dayFiles, entry, readLines, steppingClock, tempAuditDir, trailText } from './support.js';

const mode = (file: string) => fs.statSync(file).mode & 0o777;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function appendAll(dir: string, entries: AuditEntry[], now = steppingClock()) {
  const sink = openAuditSink({ dir, now });
  const acks = [];
  for (const item of entries) acks.push(await sink.append(item));
  return acks;
}

describe('openAuditSink', () => {
  it('chains records with contiguous seq from the genesis hash', async () => {
    const dir = tempAuditDir();
    await appendAll(dir, [entry(), entry({ kind: 'decision' }), entry({ kind: 'result' })]);
    const records = readLines(path.join(dir, '2026-11-23.jsonl')).map((line) => JSON.parse(line));
    expect(records.map((record) => record.seq)).toEqual([1, 2, 3]);
    expect(records.map((record) => record.prevHash)).toEqual([genesisHash, records[0].hash, records[1].hash]);
  });

  it('hashes each line exactly as written, without its hash member', async () => {
    const dir = tempAuditDir();
    await appendAll(dir, [entry({ args: { vmid: 101, note: 'naïve “quotes”' } })]);
    const [line] = readLines(path.join(dir, '2026-11-23.jsonl'));
    const body = line!.replace(/,"hash":"[0-9a-f]{64}"\}$/, '}');
    expect(JSON.parse(line!).hash).toBe(sha256(body));
  });

  it('writes the keys in their fixed order and absent fields as null', async () => {
    const dir = tempAuditDir();
    await appendAll(dir, [
      {
        session: 's_1',
        parentSeq: null,
        origin: 'cli',
        actor: { osUser: 'alice', pveIdentity: null, mcpClient: null },
        profile: 'demo',
        cluster: null,
        kind: 'session-start',
      },
    ]);
    const record = JSON.parse(readLines(path.join(dir, '2026-11-23.jsonl'))[0]!);
    expect(Object.keys(record)).toEqual([
      'seq',
      'ts',
      'session',
      'parentSeq',
      'origin',
      'actor',
      'profile',
      'cluster',
      'kind',
      'tool',
      'args',
      'target',
      'verdict',
      'ruleId',
      'decidedBy',
      'outcome',
      'prevHash',
      'hash',
    ]);
    expect(record).toMatchObject({
      ts: '2026-11-23T10:00:00.000Z',
      profile: 'demo',
      tool: null,
      args: null,
      target: null,
      verdict: null,
      outcome: null,
    });
  });

  it('resolves with the seq and hash it wrote and moves HEAD to them', async () => {
    const dir = tempAuditDir();
    const [, second] = await appendAll(dir, [entry(), entry()]);
    const last = JSON.parse(readLines(path.join(dir, '2026-11-23.jsonl'))[1]!);
    expect(second).toEqual({ seq: 2, hash: last.hash });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'HEAD'), 'utf8'))).toEqual({
      seq: 2,
      hash: last.hash,
      file: '2026-11-23.jsonl',
    });
  });

  it('creates the directory 0700 and its files 0600 even under a permissive umask', async () => {
    const dir = tempAuditDir();
    const previous = process.umask(0);
    try {
      await appendAll(dir, [entry()]);
    } finally {
      process.umask(previous);
    }
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, '2026-11-23.jsonl'))).toBe(0o600);
    expect(mode(path.join(dir, 'HEAD'))).toBe(0o600);
  });

  it('tightens an existing, looser audit directory and day file', async () => {
    const dir = tempAuditDir();
    await appendAll(dir, [entry()]);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, '2026-11-23.jsonl'), 0o644);
    await appendAll(dir, [entry()]);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, '2026-11-23.jsonl'))).toBe(0o600);
  });

  it('starts a new file each UTC day and keeps one chain across them', async () => {
    const dir = tempAuditDir();
    await appendAll(dir, [entry(), entry(), entry()], steppingClock('2026-11-23T23:59:59.000Z', 24 * 3_600_000));
    expect(dayFiles(dir)).toEqual(['2026-11-23.jsonl', '2026-11-24.jsonl', '2026-11-25.jsonl']);
    expect(await verifyAudit(dir)).toMatchObject({ ok: true, records: 3 });
  });

  it('never writes into an older day file when the clock steps back', async () => {
    const dir = tempAuditDir();
    const times = ['2026-11-24T08:00:00.000Z', '2026-11-23T22:00:00.000Z'];
    const sink = openAuditSink({ dir, now: () => new Date(times.shift()!) });
    await sink.append(entry());
    await sink.append(entry());
    expect(dayFiles(dir)).toEqual(['2026-11-24.jsonl']);
    expect(await verifyAudit(dir)).toMatchObject({ ok: true, records: 2 });
  });

  it('runs concurrent appends of one process one at a time', async () => {
    const dir = tempAuditDir();
    const sink = openAuditSink({ dir, now: steppingClock() });
    const acks = await Promise.all(Array.from({ length: 40 }, (_, i) => sink.append(entry({ args: { i } }))));
    expect(acks.map((ack) => ack.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verifyAudit(dir)).toMatchObject({ ok: true, records: 40 });
  });

  it('rejects an entry that would not read back, writes nothing and releases the lock', async () => {
    const dir = tempAuditDir();
    const sink = openAuditSink({ dir, now: steppingClock() });
    await expect(sink.append(entry({ origin: 'somewhere' as never }))).rejects.toMatchObject({
      name: 'AuditWriteError',
      code: 'audit.invalid-entry',
    });
    expect(dayFiles(dir)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'LOCK'))).toBe(false);
  });

  it('takes over a lock left behind by a holder that died', async () => {
    const dir = tempAuditDir();
    fs.mkdirSync(path.join(dir, 'LOCK'), { recursive: true });
    const longAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, 'LOCK'), longAgo, longAgo);
    await expect(
      openAuditSink({ dir, now: steppingClock(), lockStaleMs: 2_000 }).append(entry()),
    ).resolves.toMatchObject({ seq: 1 });
    expect(fs.existsSync(path.join(dir, 'LOCK'))).toBe(false);
  });
});

describe('openAuditSink and secrets', () => {
  const tokenSecret = '8f2d6c1e-4b7a-4e0f-9c3d-2a1b0c9d8e7f';
  const ticket =
    'PVE:root@pam:69F07A96::6o27Gs1rPfNnYlifROjm5rE73abaEm3dIScFy6+cQx1mVh3d0Zk9bq2TzP8oL4nWfA7sR1yU6iE5jH0gK2lM3nB9vC8xD4zF7wQ==';
  const csrf = '69F07A96:dQQZ8yASxfGHeGDlz8kgHYc2qKsaajLfnF9EOkwwCaw';
  const keyBody = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW';
  const userPassword = 'Tr0ub4dor&3-horse';

  it('never writes a secret given in arguments, nested objects, error text or the secrets file', async () => {
    const dir = tempAuditDir();
    const redactor = createRedactor({ secrets: [userPassword] });
    const sink = openAuditSink({ dir, now: steppingClock(), redactor });
    await sink.append(
      entry({
        tool: 'create_vm',
        args: {
          vmid: 120,
          cipassword: 'hunter2hunter2',
          sshkeys: `-----BEGIN OPENSSH PRIVATE KEY-----\n${keyBody}\n-----END OPENSSH PRIVATE KEY-----`,
          connection: {
            headers: { Authorization: `PVEAPIToken=root@pam!ai=${tokenSecret}` },
            cookie: `PVEAuthCookie=${encodeURIComponent(ticket)}`,
          },
          notes: [`login with ${userPassword}`, { CSRFPreventionToken: csrf }],
        },
      }),
    );
    await sink.append(
      entry({
        kind: 'result',
        outcome: {
          status: 'failed',
          summary: `401 Authentication failed! ticket ${ticket} csrf ${csrf} token root@pam!ai=${tokenSecret}`,
        },
      }),
    );
    const text = trailText(dir);
    for (const secret of [
      tokenSecret,
      'hunter2hunter2',
      keyBody,
      ticket,
      encodeURIComponent(ticket),
      csrf,
      userPassword,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('root@pam!ai=[REDACTED:token]');
    expect(await verifyAudit(dir)).toMatchObject({ ok: true, records: 2 });
  });
});

describe('openAuditSink on a damaged or crashed trail', () => {
  it('cuts a torn last line, records the repair, then appends', async () => {
    const dir = tempAuditDir();
    await appendAll(dir, [entry(), entry()]);
    const file = path.join(dir, '2026-11-23.jsonl');
    fs.appendFileSync(file, '{"seq":3,"ts":"2026-11-23T10:00:0');
    const [ack] = await appendAll(dir, [entry({ session: 's_after' })], steppingClock('2026-11-23T11:00:00.000Z'));
    const records = readLines(file).map((line) => JSON.parse(line));
    expect(ack?.seq).toBe(4);
    expect(records[2]).toMatchObject({
      seq: 3,
      origin: 'internal',
      kind: 'result',
      args: { repair: 'torn-tail', bytes: 33 },
      outcome: { status: 'aborted' },
    });
    expect(await verifyAudit(dir)).toMatchObject({ ok: true, records: 4 });
  });

  it('refuses to append when HEAD records more than the files hold', async () => {
    const dir = tempAuditDir();
    await appendAll(dir, [entry(), entry()]);
    const file = path.join(dir, '2026-11-23.jsonl');
    fs.writeFileSync(file, `${readLines(file)[0]}\n`);
    await expect(appendAll(dir, [entry()])).rejects.toMatchObject({
      code: 'audit.damaged',
      message: expect.stringContaining('HEAD records seq 2'),
    });
    expect(readLines(file)).toHaveLength(1);
  });

  it('refuses to append when HEAD is missing from a trail of several records', async () => {
    const dir = tempAuditDir();
    await appendAll(dir, [entry(), entry()]);
    fs.rmSync(path.join(dir, 'HEAD'));
    await expect(appendAll(dir, [entry()])).rejects.toMatchObject({
      code: 'audit.damaged',
      message: expect.stringContaining('HEAD is missing'),
    });
  });

  it('refuses to build on an edited last record', async () => {
    const dir = tempAuditDir();
    await appendAll(dir, [entry()]);
    const file = path.join(dir, '2026-11-23.jsonl');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('db-01', 'db-02'));
    await expect(appendAll(dir, [entry()])).rejects.toBeInstanceOf(AuditWriteError);
  });
});

describe('openAuditSink when the disk fails', () => {
  it('rejects with AuditWriteError when the disk is full, leaving no acknowledged record', async () => {
    const dir = tempAuditDir();
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Writes to /dev/full fail with ENOSPC, for root too.
    fs.symlinkSync('/dev/full', path.join(dir, '2026-11-23.jsonl'));
    const sink = openAuditSink({ dir, now: steppingClock() });
    await expect(sink.append(entry())).rejects.toMatchObject({
      name: 'AuditWriteError',
      message: expect.stringContaining('ENOSPC'),
    });
    expect(fs.existsSync(path.join(dir, 'HEAD'))).toBe(false);
  });

  it('rejects with AuditWriteError when the audit directory cannot be written', async () => {
    const dir = unwritableAuditDir();
    const sink = openAuditSink({ dir, now: steppingClock() });
    await expect(sink.append(entry())).rejects.toBeInstanceOf(AuditWriteError);
  });
});

/**
 * chmod 0500 stops everyone but root, and tests may run as root. Then the
 * audit directory is placed under a regular file, which no user can create
 * a directory in.
 */
function unwritableAuditDir(): string {
  const dir = tempAuditDir();
  if (process.getuid?.() === 0) {
    fs.writeFileSync(path.dirname(dir) + '/not-a-dir', '');
    return path.join(path.dirname(dir), 'not-a-dir', 'audit');
  }
  fs.chmodSync(path.dirname(dir), 0o500);
  return dir;
}
