import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvingPerson, denyRule, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startToolPipeline({
    approver: approvingPerson(),
    userRules: denyRule('reboot_vm', '{ tags: ["prod"] }'),
  });
});
afterAll(() => pipeline.close());

describe('reboot_vm through the pipeline', () => {
  it('reboots a running VM once confirmed', async () => {
    const outcome = await pipeline.call('reboot_vm', { vmid: 100 });
    expect(outcome.status).toBe('ok');
    expect(outcome.summary).toBe('reboot VM 100 (web-01): OK');
    expect((await pipeline.api.guests.status({ node: 'pve1', type: 'qemu', vmid: 100 })).status).toBe('running');
  });

  it('reboots nothing when the policy denies it', async () => {
    const outcome = await pipeline.call('reboot_vm', { vmid: 101 });
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-reboot-vm' });
    const tasks = await pipeline.api.nodes.tasks('pve1', { vmid: 101 });
    expect(tasks.data.filter((task) => task.type === 'qmreboot')).toEqual([]);
  });

  it('ends at its preflight when the VM is not running, with the fix, and reboots nothing', async () => {
    const outcome = await pipeline.call('reboot_vm', { vmid: 104 });
    expect(outcome.status).toBe('failed');
    expect(outcome.text.split('\n')).toEqual([
      'reboot_vm was not run: its preflight found that it would certainly fail:',
      expect.stringMatching(/^<<<DATA from the preflight of reboot_vm/),
      '- VM 104 (spare) is stopped; fix: start_vm starts it',
      '<<<END DATA>>>',
    ]);
    const tasks = await pipeline.api.nodes.tasks('pve1', { vmid: 104 });
    expect(tasks.data.filter((task) => task.type === 'qmreboot')).toEqual([]);
  });
});
