import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denyRule, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startToolPipeline({ userRules: denyRule('read_task_log', '{ vmid: [101] }') });
});
afterAll(() => pipeline.close());

describe('read_task_log through the pipeline', () => {
  it("reads a guest's latest task with its result and log, fenced as data", async () => {
    const outcome = await pipeline.call('read_task_log', { vmid: 100 });
    expect(outcome.status).toBe('ok');
    const [first, second] = outcome.text.split('\n');
    expect(first).toMatch(/^task UPID:pve1:.*:qmstart:100:root@pam:$/);
    expect(second).toBe('qmstart started 2026-11-19T08:00:00Z, ended');
    expect(outcome.text).toContain('<<<DATA from task log of UPID:pve1:');
    expect(outcome.text).toContain('>>>\nexit status: OK\nTASK OK\n<<<END DATA>>>');
    expect(outcome.structured).toMatchObject({ status: 'stopped', exitStatus: 'OK', lines: ['TASK OK'] });
  });

  it('reads a task given by its UPID', async () => {
    const [task] = (await pipeline.api.nodes.tasks('pve1', { typefilter: 'aptupdate' })).data;
    const outcome = await pipeline.call('read_task_log', { upid: task!.upid });
    expect(outcome.summary).toBe('aptupdate ended: OK');
    expect(outcome.text).toContain('Reading package lists...');
  });

  it('reads nothing about a guest the policy denies', async () => {
    const outcome = await pipeline.call('read_task_log', { vmid: 101 });
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-read-task-log' });
  });

  it("fails in Proxmox's words for a task id the node does not know", async () => {
    const outcome = await pipeline.call('read_task_log', {
      upid: 'UPID:pve1:0000ABCD:00000001:69F07A96:qmstart:104:root@pam:',
    });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toMatch(/^Proxmox rejected GET \/nodes\/pve1\/tasks\/.*\/status: upid: no such task$/);
  });
});
