import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline } from '../../harness/pipeline.js';
import { parseScenario } from '../../src/sim/index.js';
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

  it('ends at its preflight when a bridge is missing, with the fix, and starts nothing', async () => {
    const outcome = await pipeline.call('start_vm', { vmid: 103 });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toContain("- bridge 'vmbr9' (net0) does not exist on pve1; fix: set_vm_network net0 to vmbr0");
    expect(await statusOf(103)).toBe('stopped');
  });

  it('reports a start task that fails with its error lines, fenced as data', async () => {
    // A PCI passthrough failure: nothing a preflight reads predicts it, so only the task tells.
    const scenario = parseScenario(
      [
        'name: t',
        'nodes: [{ name: n1, bridges: [vmbr0], storage: [{ id: local-lvm, type: lvmthin, totalGiB: 100, usedGiB: 1 }] }]',
        'guests:',
        '  - { vmid: 300, type: qemu, node: n1, name: gpu, config: { memory: "2048", scsi0: "local-lvm:vm-300-disk-0,size=8G" },',
        '      tasks: [{ type: qmstart, startedAt: "2026-11-20T02:00:00Z", log: ["kvm: -device vfio-pci,host=0000:01:00.0: vfio 0000:01:00.0: failed to open /dev/vfio/1: No such file or directory", "TASK ERROR: start failed: QEMU exited with code 1"] }] }',
      ].join('\n'),
      'inline.yaml',
    );
    const own = await startPipeline({ scenario, approver: approvingPerson() });
    try {
      const outcome = await own.call('start_vm', { vmid: 300 });
      expect(outcome.status).toBe('failed');
      expect(outcome.text.split('\n')[0]).toBe('start VM 300 (gpu) on n1 FAILED');
      expect(outcome.text).toContain('>>>\nexit status: start failed: QEMU exited with code 1\n');
      expect(outcome.summary).toBe('start VM 300 (gpu) failed: start failed: QEMU exited with code 1');
      expect(outcome.text).toContain('<<<DATA from task log of UPID:n1:');
      expect(outcome.text).toContain('failed to open /dev/vfio/1');
    } finally {
      await own.close();
    }
  });
});
