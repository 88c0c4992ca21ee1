import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOnce, denyRule, staleToken, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startToolPipeline({ userRules: denyRule('list_vms', '{ node: "pve2" }') });
});
afterAll(() => pipeline.close());

describe('list_vms through the pipeline', () => {
  it('lists every guest with type, node, state and lock', async () => {
    const outcome = await pipeline.call('list_vms', {});
    expect(outcome.status).toBe('ok');
    const rows = outcome.text.split('\n');
    expect(rows[0]).toBe('7 match');
    expect(rows.slice(2).map((row) => row.split(/\s+/).slice(0, 5))).toEqual([
      ['100', 'web-01', 'vm', 'pve1', 'running'],
      ['101', 'db-01', 'vm', 'pve1', 'running'],
      ['102', 'ci-runner', 'vm', 'pve1', 'stopped'],
      ['103', 'app-01', 'vm', 'pve1', 'stopped'],
      ['104', 'spare', 'vm', 'pve1', 'stopped'],
      ['200', 'dns', 'ct', 'pve1', 'running'],
      // Proxmox knows little about a guest on an offline node: no name, state unknown.
      ['300', '-', 'vm', 'pve2', 'unknown'],
    ]);
    expect(rows.find((row) => row.startsWith('102'))).toMatch(/lock:backup$/);
  });

  it('filters by tag, read from the Proxmox tag list', async () => {
    const outcome = await pipeline.call('list_vms', { tag: 'prod' });
    expect(outcome.summary).toBe('1 of 1 guests');
    expect(outcome.text).toMatch(/^101\s+db-01 .* prod$/m);
  });

  it('reads nothing when the policy denies listing a node', async () => {
    const outcome = await pipeline.call('list_vms', { node: 'pve2' });
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-list-vms' });
  });

  it('fails in one line, naming the fix, when Proxmox refuses the token', async () => {
    const outcome = await callOnce('list_vms', {}, { token: staleToken });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toMatch(/^authentication failed for profile 'demo' .*tokenSecret SECRET$/);
    expect(outcome.text).not.toContain(staleToken.secret);
  });
});
