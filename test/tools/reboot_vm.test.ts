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

  it("fails in Proxmox's words when the VM is not running", async () => {
    const outcome = await pipeline.call('reboot_vm', { vmid: 104 });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toBe('Proxmox failed POST /nodes/pve1/qemu/104/status/reboot: VM 104 not running');
  });
});
