import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denyRule, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startToolPipeline({ userRules: denyRule('list_storage', '{ node: "pve1" }') });
});
afterAll(() => pipeline.close());

describe('list_storage through the pipeline', () => {
  it('lists the storage of the online nodes with usage, free space and content, and names the nearly full ones', async () => {
    const outcome = await pipeline.call('list_storage', {});
    expect(outcome.status).toBe('ok');
    const rows = outcome.text.split('\n');
    expect(rows[0]).toMatch(/^NODE\s+STORAGE\s+TYPE\s+ACTIVE\s+USED\s+FREE\s+CONTENT$/);
    expect(rows.slice(1).map((row) => row.split(/\s+/).slice(0, 4))).toEqual([
      ['pve1', 'local', 'dir', 'yes'],
      ['pve1', 'local-lvm', 'lvmthin', 'yes'],
    ]);
    expect(rows[2]).toMatch(/98%\s+8\.0G\s+images,rootdir$/);
    expect(outcome.summary).toBe('2 storages, nearly full: pve1/local-lvm');
  });

  it('reads nothing on a node the policy denies', async () => {
    const outcome = await pipeline.call('list_storage', { node: 'pve1' });
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-list-storage', target: { node: 'pve1' } });
  });

  it('fails in one line when the node it asks is offline', async () => {
    const outcome = await pipeline.call('list_storage', { node: 'pve2' });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toMatch(/node pve2 is unreachable from the API host \(595 /);
    expect(outcome.text).not.toContain('\n');
  });
});
