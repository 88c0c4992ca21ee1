import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditEntry } from '../../src/audit/index.js';

/** A fresh directory whose `audit/` subdirectory the sink will create. */
export function tempAuditDir(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-audit-')), 'audit');
}

/** A clock that starts at `start` and moves `stepMs` on every reading. */
export function steppingClock(start = '2026-11-23T10:00:00.000Z', stepMs = 1_000): () => Date {
  let now = Date.parse(start);
  return () => {
    const current = new Date(now);
    now += stepMs;
    return current;
  };
}

export function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    session: 's_test',
    parentSeq: null,
    origin: 'tui',
    actor: { osUser: 'alice', pveIdentity: 'root@pam!ai', mcpClient: null },
    profile: 'home',
    cluster: 'homelab',
    kind: 'call',
    tool: 'start_vm',
    args: { vmid: 101 },
    target: { node: 'pve1', vmid: 101, name: 'db-01', tags: ['prod'] },
    ...overrides,
  };
}

export function dayFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
}

export function readLines(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
}

export function writeLines(file: string, lines: readonly string[]): void {
  fs.writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
}

/** The whole trail as one string, for "never contains" checks. */
export function trailText(dir: string): string {
  return fs
    .readdirSync(dir)
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
}
