import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvingPerson, denyRule, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline;
const snapshotsOf = async (vmid: number) =>
  (await pipeline.api.guests.snapshots({ node: 'pve1', type: 'qemu', vmid })).map((snapshot) => snapshot.name);
beforeAll(async () => {
  pipeline = await startToolPipeline({
    approver: approvingPerson(),
    userRules: denyRule('snapshot_vm', '{ tags: ["prod"] }'),
  });
});
afterAll(() => pipeline.close());

describe('snapshot_vm through the pipeline', () => {
  it('takes a snapshot with its description once confirmed', async () => {
    const outcome = await pipeline.call('snapshot_vm', {
      vmid: 100,
      name: 'before_test',
      description: 'pipeline test',
    });
    expect(outcome.status).toBe('ok');
    expect(outcome.summary).toBe('snapshot before_test of VM 100 (web-01): OK');
    const taken = (await pipeline.api.guests.snapshots({ node: 'pve1', type: 'qemu', vmid: 100 })).find(
      (snapshot) => snapshot.name === 'before_test',
    );
    expect(taken?.description).toBe('pipeline test');
  });

  it('takes no snapshot when the policy denies it', async () => {
    const outcome = await pipeline.call('snapshot_vm', { vmid: 101, name: 'denied_one' });
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-snapshot-vm' });
    expect(await snapshotsOf(101)).not.toContain('denied_one');
  });

  it('ends at its preflight for a locked VM, with the fix', async () => {
    const outcome = await pipeline.call('snapshot_vm', { vmid: 102, name: 'locked_one' });
    expect(outcome.status).toBe('failed');
    expect(outcome.summary).toBe('preflight fail: VM 102 (ci-runner) is locked (backup)');
    expect(outcome.text).toContain('fix: wait for the backup task to end');
    expect(await snapshotsOf(102)).not.toContain('locked_one');
  });
});
