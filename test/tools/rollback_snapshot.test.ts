import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedApprover } from '../../harness/pipeline.js';
import { approvingPerson, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline | undefined;
afterEach(async () => {
  await pipeline?.close();
  pipeline = undefined;
});
const rollbacks = async (p: Pipeline) =>
  (await p.api.nodes.tasks('pve1', { vmid: 100 })).data.filter((task) => task.type === 'qmrollback');

describe('rollback_snapshot through the pipeline', () => {
  it('rolls a VM back to its snapshot after a typed confirmation', async () => {
    const approver = approvingPerson();
    pipeline = await startToolPipeline({ approver });
    const outcome = await pipeline.call('rollback_snapshot', { vmid: 100, name: 'pre-upgrade' });
    expect(outcome.status).toBe('ok');
    expect(outcome.summary).toBe('rollback to pre-upgrade of VM 100 (web-01): OK');
    expect(approver.asked[0]).toMatchObject({ tool: 'rollback_snapshot', confirm: 'typed' });
    expect(await rollbacks(pipeline)).toHaveLength(1);
  });

  it('rolls nothing back when the person declines', async () => {
    pipeline = await startToolPipeline({
      approver: new ScriptedApprover(() => ({ approved: false, decidedBy: 'human' })),
    });
    const outcome = await pipeline.call('rollback_snapshot', { vmid: 100, name: 'pre-upgrade' });
    expect(outcome.status).toBe('denied');
    expect(await rollbacks(pipeline)).toEqual([]);
  });

  it('ends at its preflight when the snapshot does not exist, naming those that do', async () => {
    const approver = approvingPerson();
    pipeline = await startToolPipeline({ approver });
    const outcome = await pipeline.call('rollback_snapshot', { vmid: 100, name: 'never-taken' });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toMatch(
      /- VM 100 \(web-01\) has no snapshot 'never-taken'; fix: its snapshots: .*pre-upgrade/,
    );
    expect(approver.asked).toEqual([]);
    expect(await rollbacks(pipeline)).toEqual([]);
  });
});
