import { afterEach, describe, expect, it } from 'vitest';
import { auditorToken, denyRule, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline | undefined;
afterEach(async () => {
  await pipeline?.close();
  pipeline = undefined;
});

describe('list_nodes through the pipeline', () => {
  it('lists each node with its state and says whether the cluster is quorate', async () => {
    pipeline = await startToolPipeline();
    const outcome = await pipeline.call('list_nodes', {});
    expect(outcome.status).toBe('ok');
    expect(outcome.text.split('\n')[0]).toBe('cluster lab: quorate');
    expect(outcome.text).toMatch(/^pve1\s+online\s+\S+ of 16/m);
    expect(outcome.text).toMatch(/^pve2\s+offline\s+-\s+-/m);
    expect(outcome.summary).toBe('2 nodes, offline: pve2');
    expect(outcome.structured).toMatchObject({ quorate: true });
  });

  it('reads nothing when a policy rule denies it', async () => {
    pipeline = await startToolPipeline({ userRules: denyRule('list_nodes') });
    const outcome = await pipeline.call('list_nodes', {});
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-list-nodes' });
    expect(outcome.text).toContain('denied by policy');
    expect((await pipeline.records()).map((record) => record.kind)).toEqual(['call', 'decision', 'result']);
  });

  it('fails in one line naming the missing privilege when the token may not audit the cluster', async () => {
    pipeline = await startToolPipeline({ token: auditorToken });
    const outcome = await pipeline.call('list_nodes', {});
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toContain('lacks Sys.Audit on /');
    expect(outcome.text).not.toContain('\n');
  });
});
