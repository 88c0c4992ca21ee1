import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOnce, denyRule, staleToken, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startToolPipeline({ userRules: denyRule('find_problems', '{ node: "pve2" }') });
});
afterAll(() => pipeline.close());

describe('find_problems through the pipeline', () => {
  it('lists the offline node, the nearly full pool and the troubled guests, most severe first', async () => {
    const outcome = await pipeline.call('find_problems', {});
    expect(outcome.status).toBe('ok');
    const lines = outcome.text.split('\n');
    expect(lines[0]).toBe('Problems, most severe first:');
    const pve2 = lines.findIndex((line) => line.startsWith('- [critical] node pve2:'));
    const pool = lines.findIndex((line) => line.startsWith('- [warning] node pve1:') && line.includes('local-lvm'));
    expect(pve2).toBeGreaterThan(0);
    expect(pool).toBeGreaterThan(pve2);
    expect(
      lines.some((line) => line.startsWith('- [warning] guest 102 (ci-runner) on pve1, stopped: guest-config-locked')),
    ).toBe(true);
    expect(lines.at(-1)).toBe('Call diagnose_vm with a vmid for the evidence and the fix.');
    expect(lines.some((line) => /^- \[\w+\] guest 100 /.test(line))).toBe(false);
  });

  it("keeps to one node's problems when asked", async () => {
    const outcome = await pipeline.call('find_problems', { node: 'pve1' });
    expect(outcome.text).not.toContain('node pve2');
    expect(outcome.text).toContain('- [warning] node pve1:');
  });

  it('reads nothing when the policy denies scanning a node', async () => {
    const outcome = await pipeline.call('find_problems', { node: 'pve2' });
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-find-problems' });
  });

  it('fails in one line when Proxmox refuses the token', async () => {
    const outcome = await callOnce('find_problems', {}, { token: staleToken });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toMatch(/^cannot read the guest list \(\/cluster\/resources\): authentication failed/);
  });
});
