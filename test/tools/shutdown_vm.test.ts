import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvingPerson, denyRule, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startToolPipeline({
    approver: approvingPerson(),
    userRules: denyRule('shutdown_vm', '{ tags: ["prod"] }'),
  });
});
afterAll(() => pipeline.close());

describe('shutdown_vm through the pipeline', () => {
  it('shuts a container down cleanly once confirmed', async () => {
    const outcome = await pipeline.call('shutdown_vm', { vmid: 200, timeoutSeconds: 60 });
    expect(outcome.status).toBe('ok');
    expect(outcome.text).toMatch(/^shutdown CT 200 \(dns\) on pve1: OK \(task UPID:pve1:.*:vzshutdown:200:/);
    expect((await pipeline.api.guests.status({ node: 'pve1', type: 'lxc', vmid: 200 })).status).toBe('stopped');
  });

  it('shuts nothing down when the policy denies it', async () => {
    const outcome = await pipeline.call('shutdown_vm', { vmid: 101 });
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-shutdown-vm' });
    expect((await pipeline.api.guests.status({ node: 'pve1', type: 'qemu', vmid: 101 })).status).toBe('running');
  });

  it('ends at its preflight for a locked VM, with the fix', async () => {
    const outcome = await pipeline.call('shutdown_vm', { vmid: 102 });
    expect(outcome.status).toBe('failed');
    expect(outcome.summary).toBe('preflight fail: VM 102 (ci-runner) is locked (backup)');
    expect(outcome.text).toContain('fix: wait for the backup task to end');
  });
});
