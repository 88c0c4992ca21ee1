import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runDiagnose } from '../../src/cli/commands/diagnose-output.js';
import { diagnose, diagnoseRequest } from '../../src/cli/commands/diagnose.js';
import type { CommandContext } from '../../src/cli/io.js';
import { resolvePaths } from '../../src/config/paths.js';
import type { ToolOutcome } from '../../src/core/call-outcome.js';
import { ExitCode } from '../../src/shared/exit-codes.js';
import { readAuditRecords } from '../../src/audit/index.js';
import { runCli, tempHome } from '../support/cli.js';

// `proxmox-ai diagnose` in-process with --demo: the embedded simulator, the scheduler, policy and audit.
const homes: string[] = [];

afterEach(() => {
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

function demoContext(): { ctx: CommandContext; stdout: () => string } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-diagnose-'));
  homes.push(home);
  const env = { PROXMOX_AI_HOME: home };
  const stdout = new PassThrough();
  const ctx: CommandContext = {
    io: { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env },
    paths: resolvePaths(env),
    globals: { demo: true, color: false, debug: false },
  };
  return { ctx, stdout: () => (stdout.read() as Buffer | null)?.toString() ?? '' };
}

describe('proxmox-ai diagnose --demo', () => {
  it('names the missing vmbr1 on pve1: verdict, evidence, fix, within 80 columns', async () => {
    const { ctx, stdout } = demoContext();
    expect(await diagnose(ctx, '101', {})).toBe(ExitCode.ok);
    const lines = stdout().trimEnd().split('\n');
    expect(lines[1]).toBe('Verdict: bridge-missing (network, confirmed)');
    expect(lines.join('\n')).toMatch(/Evidence:[\s\S]*vmbr1[\s\S]*Fix:[\s\S]*qm set 101 --net0/);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
  });

  it('prints the contract as one JSON document with --json', async () => {
    const { ctx, stdout } = demoContext();
    await diagnose(ctx, '104', { json: true });
    const document = JSON.parse(stdout());
    expect(document).toMatchObject({ vmid: 104, node: 'pve1', name: 'analytics', status: 'stopped' });
    expect(document.findings[0]).toMatchObject({
      id: 'guest-ram-alloc-failed',
      category: 'memory',
      confidence: 'confirmed',
      contradictedBy: [],
    });
  });

  it('is one audited call', async () => {
    const { ctx } = demoContext();
    await diagnose(ctx, '102', {});
    const records = [];
    for await (const record of readAuditRecords(ctx.paths.auditDir)) records.push(record);
    const calls = records.filter((record) => record.tool === 'diagnose_vm');
    expect(calls.map((record) => record.kind)).toEqual(['call', 'decision', 'result']);
    expect(calls.at(-1)?.outcome).toMatchObject({
      status: 'ok',
      summary: expect.stringContaining('guest-config-locked'),
    });
  });

  it('lists the problems of the cluster with --all', async () => {
    const { ctx, stdout } = demoContext();
    await diagnose(ctx, undefined, { all: true });
    const text = stdout();
    expect(text).toMatch(/Node pve2\n {2}thin-pool-out-of-space/);
    for (const vmid of [101, 102, 103, 104]) expect(text).toContain(`Guest ${vmid} `);
    for (const vmid of [100, 105, 200]) expect(text).not.toContain(`Guest ${vmid} `);
  });

  it('refuses an unknown VMID: exit 1, VM 999 not found in cluster', async () => {
    const { ctx } = demoContext();
    await expect(diagnose(ctx, '999', {})).rejects.toMatchObject({
      exitCode: ExitCode.runtime,
      message: 'VM 999 not found in cluster',
    });
  });
});

describe('the command core', () => {
  it('exits 3 when the policy denies the call', async () => {
    const { ctx } = demoContext();
    const denied: ToolOutcome = {
      tool: 'diagnose_vm',
      status: 'denied',
      text: 'denied by policy (rule no-reads)',
      summary: 'denied',
      callSeq: 1,
    };
    await expect(runDiagnose(ctx, { all: false, vmid: 101, json: false }, async () => denied)).rejects.toMatchObject({
      exitCode: ExitCode.denied,
    });
  });

  it('renders an answer the read cache gave', async () => {
    const { ctx, stdout } = demoContext();
    const structured = {
      vmid: 311,
      node: 'hv-a',
      name: null,
      status: 'running',
      findings: [],
      reads: ['GET /cluster/resources?type=vm'],
    };
    const cached: ToolOutcome = {
      tool: 'diagnose_vm',
      status: 'cached',
      text: '',
      summary: '',
      structured,
      callSeq: 1,
    };
    expect(await runDiagnose(ctx, { all: false, vmid: 311, json: false }, async () => cached)).toBe(ExitCode.ok);
    expect(stdout()).toContain('Verdict: no problems found');
  });

  it.each([
    [undefined, {}],
    ['101', { all: true }],
    ['db-01', {}],
  ])('rejects %s %j as a usage error', (vmid, flags) => {
    expect(() => diagnoseRequest(vmid, flags)).toThrow(expect.objectContaining({ exitCode: ExitCode.usage }));
  });
});

describe('the built binary', () => {
  it('answers diagnose 999 --demo with exit 1 and one line', async () => {
    const home = tempHome();
    homes.push(home);
    const run = await runCli(['diagnose', '999', '--demo'], { home });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('proxmox-ai: VM 999 not found in cluster');
  });
});
