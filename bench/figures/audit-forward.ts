import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startForwarder } from '../../src/audit/forward/forwarder.js';
import { openAuditSink, type AuditEntry } from '../../src/audit/index.js';
import { syslogReceiver } from '../../src/syslog/syslog-receiver.js';
import { round, summarise, type BenchSuite } from '../figure.js';

const step = (kind: AuditEntry['kind']): AuditEntry => ({
  session: 's_bench',
  parentSeq: null,
  origin: 'mcp-http',
  actor: { osUser: 'bench', pveIdentity: 'root@pam!ai', mcpClient: 'bench-ide', person: 'alice' },
  profile: 'home',
  cluster: 'homelab',
  kind,
  tool: 'reboot_vm',
  args: { vmid: 200 },
  target: { node: 'pve2', vmid: 200, name: 'dns', tags: [] },
  verdict: kind === 'call' ? null : 'allow',
  ruleId: kind === 'call' ? null : 'alice-reboots-dns',
  decidedBy: kind === 'call' ? null : 'rule:alice-reboots-dns',
  ...(kind === 'result' ? { outcome: { status: 'ok' as const, summary: 'rebooted CT 200 (dns)' } } : {}),
});

/** The audit records of one allowed call: call, decision, result. */
const oneCall: AuditEntry[] = [step('call'), step('decision'), step('result')];

/**
 * Forwarding to a syslog receiver on 127.0.0.1 (a small octet-counting TCP
 * reader standing in for rsyslog, so the figure measures us, not it):
 * - auditForwardOverheadMs: what forwarding adds to the audit writes of one
 *   call (3 durable appends), median of calls with the forwarder running
 *   minus median without. Both trails live in memory (/dev/shm when there is
 *   one): fsync costs the same with or without forwarding, and on a busy disk
 *   its noise would hide the difference;
 * - auditForwardRecordsPerSec: a backlog sent from a standing start.
 */
export const auditForward: BenchSuite = {
  name: 'audit forward',
  async measure({ full }) {
    const receiver = await countingReceiver();
    const home = fs.mkdtempSync(path.join(memoryBacked(), 'proxmox-ai-bench-forward-'));
    try {
      const calls = full ? 600 : 150;
      const plain = openAuditSink({ dir: path.join(home, 'plain') });
      const forwardedDir = path.join(home, 'forwarded');
      const forwarder = startForwarder({ dir: forwardedDir, receiver: syslogReceiver({ url: receiver.url }) });
      const forwarded = openAuditSink({ dir: forwardedDir, afterAppend: () => forwarder.nudge() });
      const without: number[] = [];
      const withForwarding: number[] = [];
      for (let i = 0; i < calls; i++) {
        without.push(await timeCall(plain));
        withForwarding.push(await timeCall(forwarded));
      }
      await forwarder.stop(2_000);
      const base = summarise(without, 'ms');
      const added = summarise(withForwarding, 'ms');
      const backlog = full ? 20_000 : 4_000;
      const recordsPerSec = await backlogRate(path.join(home, 'backlog'), backlog, receiver);
      return {
        auditForwardOverheadMs: {
          value: round((added.median ?? 0) - (base.median ?? 0)),
          n: calls,
          unit: 'ms',
          goal: 'median <= 2',
        },
        auditForwardRecordsPerSec: { value: Math.round(recordsPerSec), n: backlog, unit: 'records/s' },
      };
    } finally {
      await receiver.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
  },
};

function memoryBacked(): string {
  return fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
}

async function timeCall(sink: ReturnType<typeof openAuditSink>): Promise<number> {
  const start = process.hrtime.bigint();
  for (const entry of oneCall) await sink.append(entry);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function backlogRate(dir: string, count: number, receiver: CountingReceiver): Promise<number> {
  const sink = openAuditSink({ dir });
  for (let i = 0; i < count; i++) await sink.append(oneCall[i % 3]!);
  const before = receiver.frames;
  const start = process.hrtime.bigint();
  const forwarder = startForwarder({ dir, receiver: syslogReceiver({ url: receiver.url }) });
  while (receiver.frames - before < count) await new Promise((resolve) => setTimeout(resolve, 5));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await forwarder.stop(2_000);
  return count / seconds;
}

interface CountingReceiver {
  url: string;
  frames: number;
  close(): Promise<void>;
}

/** Reads octet-counted frames and counts them; nothing else. */
function countingReceiver(): Promise<CountingReceiver> {
  const sockets = new Set<net.Socket>();
  const state = { frames: 0 };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        const space = pending.indexOf(0x20);
        if (space === -1) break;
        const length = Number(pending.subarray(0, space).toString('ascii'));
        if (pending.length < space + 1 + length) break;
        state.frames += 1;
        pending = pending.subarray(space + 1 + length);
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        url: `tcp://127.0.0.1:${port}`,
        get frames() {
          return state.frames;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
