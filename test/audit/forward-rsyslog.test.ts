import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startForwarder, type Forwarder } from '../../src/audit/forward/forwarder.js';
import { forwardStatus } from '../../src/audit/forward/forward-status.js';
import { openAuditSink, verifyAudit, verifyCopy } from '../../src/audit/index.js';
import { syslogReceiver } from '../../src/syslog/syslog-receiver.js';
import { pemFile, testCluster } from '../proxmox/support/certs.js';
import { rsyslogTlsDriver, startRsyslog, type TestRsyslog } from '../support/rsyslog.js';
import { systemPrograms } from '../support/sshd.js';
import { dayFiles, entry, readLines, tempAuditDir } from './support.js';

const hasRsyslog = systemPrograms('audit forwarding to rsyslog', ['rsyslogd']);
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(options: Parameters<typeof startRsyslog>[0] = {}): Promise<TestRsyslog> {
  const rsyslog = await startRsyslog(options);
  cleanups.push(() => rsyslog.stop());
  return rsyslog;
}

function forwarder(dir: string, url: string, extra: { caFile?: string; fingerprint?: string } = {}): Forwarder {
  const running = startForwarder({
    dir,
    receiver: syslogReceiver({ url, ...extra }),
    settleMs: 300,
    pollMs: 100,
    retryMs: { first: 100, max: 1_000 },
  });
  cleanups.push(() => running.stop(1_000));
  return running;
}

async function appendMany(dir: string, count: number, onAppended?: () => void) {
  const sink = openAuditSink({ dir });
  for (let i = 0; i < count; i++) {
    await sink.append(entry({ args: { vmid: 100 + i, note: `record ${i} “quoted” \\ ümlaut` } }));
    onAppended?.();
  }
}

function localLines(dir: string): string[] {
  return dayFiles(dir).flatMap((file) => readLines(path.join(dir, file)));
}

const settle = { timeout: 45_000, interval: 100 };

describe.runIf(hasRsyslog)('audit forwarding to a real rsyslog', { timeout: 120_000 }, () => {
  it('delivers every record, byte for byte and in order', async () => {
    const rsyslog = await receiver();
    const dir = tempAuditDir();
    const running = forwarder(dir, rsyslog.url);
    await appendMany(dir, 40, () => running.nudge());
    await vi.waitFor(() => expect(rsyslog.lines()).toHaveLength(40), settle);
    expect(rsyslog.lines()).toEqual(localLines(dir));
  });

  it('keeps appends working while rsyslog is down, and delivers everything after it restarts', async () => {
    const rsyslog = await receiver();
    const dir = tempAuditDir();
    const running = forwarder(dir, rsyslog.url);
    await appendMany(dir, 10, () => running.nudge());
    await vi.waitFor(async () => expect((await forwardStatus(dir, rsyslog.url)).deliveredSeq).toBe(10), settle);
    await rsyslog.stop();
    await appendMany(dir, 25, () => running.nudge());
    expect((await verifyAudit(dir)).records).toBe(35);
    await vi.waitFor(async () => expect((await forwardStatus(dir, rsyslog.url)).lastError).not.toBeNull(), settle);
    await rsyslog.start();
    await vi.waitFor(async () => expect((await forwardStatus(dir, rsyslog.url)).lag).toBe(0), settle);
    const copy = await verifyCopy(rsyslog.copyFile);
    const local = await verifyAudit(dir);
    expect(copy).toMatchObject({ ok: true, records: 35 });
    expect(local).toMatchObject({ ok: true, records: 35 });
    expect(copy.ok && local.ok && copy.lastHash === local.lastHash).toBe(true);
  });

  it('sends again what was in flight when rsyslog stopped: the copy still holds every record', async () => {
    const rsyslog = await receiver();
    const dir = tempAuditDir();
    const running = forwarder(dir, rsyslog.url);
    await appendMany(dir, 20, () => running.nudge());
    await rsyslog.stop();
    await appendMany(dir, 5, () => running.nudge());
    await rsyslog.start();
    await vi.waitFor(async () => expect((await forwardStatus(dir, rsyslog.url)).lag).toBe(0), settle);
    expect(await verifyCopy(rsyslog.copyFile)).toMatchObject({ ok: true, records: 25 });
  });

  it('resumes from the saved position: a later forwarder sends only what is new', async () => {
    const rsyslog = await receiver();
    const dir = tempAuditDir();
    const first = forwarder(dir, rsyslog.url);
    await appendMany(dir, 8, () => first.nudge());
    await vi.waitFor(() => expect(rsyslog.lines()).toHaveLength(8), settle);
    await first.stop(2_000);
    await appendMany(dir, 5);
    forwarder(dir, rsyslog.url);
    await vi.waitFor(() => expect(rsyslog.lines()).toHaveLength(13), settle);
    expect(rsyslog.lines()).toEqual(localLines(dir));
  });

  it('lets one process send at a time: two forwarders on one trail deliver each record once', async () => {
    const rsyslog = await receiver();
    const dir = tempAuditDir();
    fs.mkdirSync(dir, { recursive: true });
    const one = forwarder(dir, rsyslog.url);
    const two = forwarder(dir, rsyslog.url);
    await appendMany(dir, 30, () => {
      one.nudge();
      two.nudge();
    });
    await vi.waitFor(() => expect(rsyslog.lines()).toHaveLength(30), settle);
    await one.stop(2_000);
    await appendMany(dir, 10, () => two.nudge());
    await vi.waitFor(() => expect(rsyslog.lines()).toHaveLength(40), settle);
    expect(rsyslog.lines()).toEqual(localLines(dir));
  });
});

describe.runIf(hasRsyslog)('audit forwarding over TLS to a real rsyslog', { timeout: 120_000 }, () => {
  let tls: { caFile: string; certFile: string; keyFile: string; fingerprint: string } | undefined;
  beforeAll(async () => {
    if (!rsyslogTlsDriver()) {
      const line = 'audit forwarding over TLS: rsyslog has no ossl netstream driver (Debian: rsyslog-openssl)';
      if (process.env.PROXMOX_AI_REQUIRE_SYSTEM_TOOLS === '1')
        throw new Error(`REQUIRED SYSTEM PROGRAM MISSING: ${line}`);
      console.warn(`SKIPPED: ${line}`);
      return;
    }
    const cluster = await testCluster();
    tls = {
      caFile: pemFile(cluster.ca.cert),
      certFile: pemFile(cluster.node.cert),
      keyFile: pemFile(cluster.node.key),
      fingerprint: cluster.node.fingerprint,
    };
  });

  it('delivers over TLS to a receiver whose certificate the CA file vouches for', async (context) => {
    if (!tls) return context.skip();
    const rsyslog = await receiver({ tls });
    const dir = tempAuditDir();
    const running = forwarder(dir, rsyslog.url, { caFile: tls.caFile });
    await appendMany(dir, 12, () => running.nudge());
    await vi.waitFor(() => expect(rsyslog.lines()).toHaveLength(12), settle);
    expect(rsyslog.lines()).toEqual(localLines(dir));
  });

  it('delivers to a pinned fingerprint, and refuses a receiver with another certificate', async (context) => {
    if (!tls) return context.skip();
    const rsyslog = await receiver({ tls });
    const pinned = tempAuditDir();
    const good = forwarder(pinned, rsyslog.url, { fingerprint: tls.fingerprint });
    await appendMany(pinned, 3, () => good.nudge());
    await vi.waitFor(() => expect(rsyslog.lines()).toHaveLength(3), settle);
    const wrong = tempAuditDir();
    const bad = forwarder(wrong, rsyslog.url, { fingerprint: tls.fingerprint.replace(/^../, '00') });
    await appendMany(wrong, 2, () => bad.nudge());
    await vi.waitFor(
      async () => expect((await forwardStatus(wrong, rsyslog.url)).lastError?.message).toContain('is not the pinned'),
      settle,
    );
    expect(rsyslog.lines()).toHaveLength(3);
  });
});
