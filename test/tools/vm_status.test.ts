import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denyRule, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startToolPipeline({ userRules: denyRule('vm_status', '{ tags: ["prod"] }') });
});
afterAll(() => pipeline.close());

describe('vm_status through the pipeline', () => {
  it('shows the state, usage and tags of a running VM', async () => {
    const outcome = await pipeline.call('vm_status', { vmid: 100 });
    expect(outcome.status).toBe('ok');
    const lines = outcome.text.split('\n');
    expect(lines[0]).toBe('VM 100 (web-01) on pve1: running');
    expect(lines[1]).toMatch(/^uptime \S+, cpu \S+ of 2, mem \S+\/4\.0G$/);
    expect(lines.at(-1)).toBe('tags: web');
    expect(outcome.structured).toMatchObject({ vmid: 100, node: 'pve1', status: 'running' });
  });

  it('shows a stopped, locked VM with its lock', async () => {
    const outcome = await pipeline.call('vm_status', { vmid: 102 });
    expect(outcome.text.split('\n').slice(0, 2)).toEqual(['VM 102 (ci-runner) on pve1: stopped', 'lock: backup']);
  });

  it('reads nothing about a guest whose tags the policy denies', async () => {
    const outcome = await pipeline.call('vm_status', { vmid: 101 });
    expect(outcome).toMatchObject({ status: 'denied', target: { vmid: 101, tags: ['prod'] } });
  });

  it('fails in one line when the guest lives on an offline node', async () => {
    const outcome = await pipeline.call('vm_status', { vmid: 300 });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toMatch(
      /^node pve2 is unreachable from the API host \(595 .* for GET \/nodes\/pve2\/qemu\/300\/status\/current/,
    );
  });
});
