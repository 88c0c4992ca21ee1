import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denyRule, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startToolPipeline({ userRules: denyRule('list_tasks', '{ vmid: [101] }') });
});
afterAll(() => pipeline.close());

describe('list_tasks through the pipeline', () => {
  it("lists a node's recent tasks, newest first, with their UPIDs", async () => {
    const outcome = await pipeline.call('list_tasks', { node: 'pve1' });
    expect(outcome.status).toBe('ok');
    const lines = outcome.text.split('\n');
    expect(lines[0]).toBe('2 tasks, newest first:');
    expect(lines[1]).toMatch(/^<<<DATA from the task list: /);
    expect(lines.at(-1)).toBe('<<<END DATA>>>');
    const rows = lines.slice(3, -1);
    expect(rows.map((row) => row.split(/\s+/).slice(1, 5))).toEqual([
      ['pve1', 'aptupdate', '-', 'OK'],
      ['pve1', 'qmstart', '100', 'OK'],
    ]);
    expect(rows[0]).toMatch(/UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:aptupdate::root@pam:$/);
  });

  it('keeps the tasks of one guest', async () => {
    const outcome = await pipeline.call('list_tasks', { node: 'pve1', vmid: 100 });
    expect(outcome.summary).toBe('1 tasks');
  });

  it('reads nothing about a guest the policy denies', async () => {
    const outcome = await pipeline.call('list_tasks', { vmid: 101 });
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-list-tasks' });
  });

  it('fails in one line when the node it asks is offline', async () => {
    const outcome = await pipeline.call('list_tasks', { node: 'pve2' });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toMatch(/^node pve2 is unreachable from the API host \(595 /);
  });
});
