import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedApprover } from '../../harness/pipeline.js';
import { approvingPerson, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline | undefined;
afterEach(async () => {
  await pipeline?.close();
  pipeline = undefined;
});
const statusOf = async (p: Pipeline, vmid: number) =>
  (await p.api.guests.status({ node: 'pve1', type: 'qemu', vmid })).status;

describe('stop_vm through the pipeline', () => {
  it('force-stops a VM after a typed confirmation', async () => {
    const approver = approvingPerson();
    pipeline = await startToolPipeline({ approver });
    const outcome = await pipeline.call('stop_vm', { vmid: 100 });
    expect(outcome.status).toBe('ok');
    expect(approver.asked[0]).toMatchObject({ tool: 'stop_vm', confirm: 'typed' });
    expect(await statusOf(pipeline, 100)).toBe('stopped');
  });

  it('stops nothing when the person declines', async () => {
    const approver = new ScriptedApprover(() => ({ approved: false, decidedBy: 'human', note: 'not now' }));
    pipeline = await startToolPipeline({ approver });
    const outcome = await pipeline.call('stop_vm', { vmid: 100 });
    expect(outcome.status).toBe('denied');
    expect(outcome.text).toContain('note: not now');
    expect(await statusOf(pipeline, 100)).toBe('running');
  });

  it('ends at its preflight for a locked VM, with the fix', async () => {
    pipeline = await startToolPipeline({ approver: approvingPerson() });
    const outcome = await pipeline.call('stop_vm', { vmid: 102 });
    expect(outcome.status).toBe('failed');
    expect(outcome.summary).toBe('preflight fail: VM 102 (ci-runner) is locked (backup)');
    expect(outcome.text).toContain('fix: wait for the backup task to end');
  });
});
