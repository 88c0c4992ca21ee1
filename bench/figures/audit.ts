import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAuditSink, type AuditEntry } from '../../src/audit/index.js';
import { summarise, type BenchSuite } from '../figure.js';

const entry: AuditEntry = {
  session: 's_bench',
  parentSeq: null,
  origin: 'tui',
  actor: { osUser: 'bench', pveIdentity: 'root@pam!ai', mcpClient: null },
  profile: 'home',
  cluster: 'homelab',
  kind: 'decision',
  tool: 'start_vm',
  args: { vmid: 101, node: 'pve1' },
  target: { node: 'pve1', vmid: 101, name: 'db-01', tags: ['prod'] },
  verdict: 'ask',
  ruleId: 'power-asks',
  decidedBy: 'rule:power-asks',
};

/** A durable append through the real sink: lock, read the chain's end, write, fsync, move HEAD, release. */
export const auditAppend: BenchSuite = {
  name: 'audit append',
  async measure({ full }) {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-bench-audit-'));
    try {
      const sink = openAuditSink({ dir: path.join(home, 'audit') });
      const runs = full ? 2_000 : 300;
      await sink.append(entry);
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        await sink.append(entry);
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return { auditAppendMs: { ...summarise(samples, 'ms'), goal: 'p99 <= 5' } };
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  },
};
