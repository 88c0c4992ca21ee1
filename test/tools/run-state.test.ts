import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline } from '../../harness/pipeline.js';

type Pipeline = Awaited<ReturnType<typeof startPipeline>>;
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(() => pipeline.close());

describe('a guest paused on an I/O error', () => {
  it('is listed as paused with its reason, never as running', async () => {
    const outcome = await pipeline.call('list_vms', {});
    const row = outcome.text.split('\n').find((line) => line.startsWith('103 '));
    expect(row).toMatch(/paused \(io-error\)/);
    expect(row).not.toMatch(/running/);
    const guests = (outcome.structured as { guests: Array<{ vmid: number; status: string; pausedBy?: string }> })
      .guests;
    expect(guests.find((g) => g.vmid === 103)).toMatchObject({ status: 'paused', pausedBy: 'io-error' });
  });

  it('is found by the paused filter and left out of the running one', async () => {
    expect((await pipeline.call('list_vms', { status: 'paused' })).text).toContain('files-01');
    expect((await pipeline.call('list_vms', { status: 'running' })).text).not.toContain('files-01');
  });

  it('has vm_status say paused and why', async () => {
    const outcome = await pipeline.call('vm_status', { vmid: 103 });
    expect(outcome.text).toContain('on pve2: paused (io-error: a disk write failed: storage full or failing)');
    expect(outcome.summary).toBe('VM 103 (files-01): paused (io-error)');
  });
});

describe('list_nodes', () => {
  it('shows load average, IO wait, root disk and the fullest storage per node', async () => {
    const outcome = await pipeline.call('list_nodes', {});
    const [, header, ...rows] = outcome.text.split('\n');
    expect(header).toMatch(/NODE\s+STATUS\s+CPU\s+LOAD\s+IOWAIT\s+MEM\s+ROOT\s+FULLEST\s+UPTIME/);
    expect(rows.find((row) => row.startsWith('pve2'))).toMatch(/local-lvm 100%/);
    expect(rows.find((row) => row.startsWith('pve1'))).toMatch(/online\s+\S+ of \d+\s+\d+\.\d\d\s+[\d.]+%/);
  });
});
