import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileReadCache } from '../../src/cache/file-read-cache.js';
import { ScriptedApprover, startPipeline } from '../../harness/pipeline.js';

let pipeline: Awaited<ReturnType<typeof startPipeline>> | undefined;
afterEach(async () => {
  await pipeline?.close();
  pipeline = undefined;
});

async function cachedPipeline(now: () => number = Date.now) {
  pipeline = await startPipeline({ approver: new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' })) });
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-cache-')), 'cache');
  pipeline.deps.cache = new FileReadCache(dir, `demo@${pipeline.sim.url}`, 15_000, now);
  return { pipeline, dir };
}

describe('the read cache in the pipeline', () => {
  it('answers an identical read from the cache and audits it as cached', async () => {
    const { pipeline: p, dir } = await cachedPipeline();
    expect((await p.call('vm_status', { vmid: 100 })).status).toBe('ok');
    const again = await p.call('vm_status', { vmid: 100 });
    expect(again.status).toBe('cached');
    expect(again.text).toContain('web-01');
    expect((await p.records()).at(-1)?.outcome?.status).toBe('cached');
    for (const file of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
  });

  it('asks nothing of the cache for a fresh read (the live view), and refreshes it', async () => {
    const { pipeline: p } = await cachedPipeline();
    expect((await p.call('vm_status', { vmid: 100 })).status).toBe('ok');
    const fresh = await p.call('vm_status', { vmid: 100 }, { fresh: true });
    expect(fresh.status).toBe('ok');
    expect((await p.records()).at(-1)?.outcome?.status).toBe('ok');
    expect((await p.call('vm_status', { vmid: 100 })).status).toBe('cached');
  });

  it('never serves the state from before a change', async () => {
    const { pipeline: p } = await cachedPipeline();
    expect((await p.call('vm_status', { vmid: 200 })).text).toContain(': running');
    expect((await p.call('shutdown_vm', { vmid: 200 })).status).toBe('ok');
    const after = await p.call('vm_status', { vmid: 200 });
    expect(after.status).toBe('ok');
    expect(after.text).toContain(': stopped');
  });

  it('forgets entries after the TTL', async () => {
    let clock = 1_000_000;
    const { pipeline: p } = await cachedPipeline(() => clock);
    await p.call('list_nodes', {});
    clock += 16_000;
    expect((await p.call('list_nodes', {})).status).toBe('ok');
  });

  it('keeps clusters apart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-cache-'));
    const a = new FileReadCache(dir, 'demo@https://127.0.0.1:1111', 15_000);
    const b = new FileReadCache(dir, 'demo@https://127.0.0.1:2222', 15_000);
    await a.set('k', { text: 'from a', summary: 's' });
    expect(await b.get('k')).toBeUndefined();
    expect((await a.get('k'))?.text).toBe('from a');
  });
});
