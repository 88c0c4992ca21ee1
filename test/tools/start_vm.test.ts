import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvingPerson, denyRule, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline;
const statusOf = async (vmid: number) =>
  (await pipeline.api.guests.status({ node: 'pve1', type: 'qemu', vmid })).status;
beforeAll(async () => {
  pipeline = await startToolPipeline({
    approver: approvingPerson(),
    userRules: denyRule('start_vm', '{ vmid: [102] }'),
  });
});
afterAll(() => pipeline.close());

describe('start_vm through the pipeline', () => {
  it('starts a stopped VM once confirmed and waits for its task', async () => {
    const outcome = await pipeline.call('start_vm', { vmid: 104 });
    expect(outcome.status).toBe('ok');
    expect(outcome.text).toMatch(
      /^start VM 104 \(spare\) on pve1: OK \(task UPID:pve1:.*:qmstart:104:root@pam!sim:\)$/,
    );
    expect(await statusOf(104)).toBe('running');
  });

  it('starts nothing when the policy denies it', async () => {
    const outcome = await pipeline.call('start_vm', { vmid: 102 });
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-start-vm' });
    expect(await statusOf(102)).toBe('stopped');
  });

  it('reports a start task that fails with its error lines, fenced as data', async () => {
    const outcome = await pipeline.call('start_vm', { vmid: 103 });
    expect(outcome.status).toBe('failed');
    expect(outcome.text.split('\n')[0]).toBe('start VM 103 (app-01) on pve1 FAILED');
    expect(outcome.text).toContain('>>>\nexit status: start failed: QEMU exited with code 1\n');
    expect(outcome.summary).toBe('start VM 103 (app-01) failed: start failed: QEMU exited with code 1');
    expect(outcome.text).toContain('<<<DATA from task log of UPID:pve1:');
    expect(outcome.text).toContain("bridge 'vmbr9' does not exist");
    expect(await statusOf(103)).toBe('stopped');
  });
});
