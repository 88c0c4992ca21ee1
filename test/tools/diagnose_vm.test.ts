import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOnce, denyRule, staleToken, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startToolPipeline({ userRules: denyRule('diagnose_vm', '{ vmid: [101] }') });
});
afterAll(() => pipeline.close());

describe('diagnose_vm through the pipeline', () => {
  it('finds the missing bridge a VM is configured with and says how to fix it', async () => {
    const outcome = await pipeline.call('diagnose_vm', { vmid: 103 });
    expect(outcome.status).toBe('ok');
    expect(outcome.text.split('\n')[0]).toBe('Guest 103 (app-01) on pve1, stopped. 2 findings, most likely first:');
    expect(outcome.text).toContain(
      '1. bridge-missing (network, confirmed): Bridge vmbr9, used by net0, does not exist',
    );
    expect(outcome.text).toContain('[1] node-network: pve1 has no bridge vmbr9; its bridges: vmbr0');
    expect(outcome.structured).toMatchObject({ vmid: 103 });
  });

  it('finds the lock an interrupted backup left', async () => {
    const outcome = await pipeline.call('diagnose_vm', { vmid: 102 });
    expect(outcome.text).toMatch(/^1\. guest-config-locked \(lock, confirmed\): VM 102 is locked \(backup\)/m);
  });

  it('reads nothing about a guest the policy denies', async () => {
    const outcome = await pipeline.call('diagnose_vm', { vmid: 101 });
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-diagnose-vm' });
  });

  it('fails in one line when Proxmox refuses the token', async () => {
    const outcome = await callOnce('diagnose_vm', { vmid: 103 }, { token: staleToken });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toMatch(/^cannot read the guest list \(\/cluster\/resources\): authentication failed/);
  });
});
