import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denyRule, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startToolPipeline({ userRules: denyRule('vm_config', '{ vmid: [101] }') });
});
afterAll(() => pipeline.close());

describe('vm_config through the pipeline', () => {
  it('lists the configuration keys in order, without the digest', async () => {
    const outcome = await pipeline.call('vm_config', { vmid: 200 });
    expect(outcome.status).toBe('ok');
    const lines = outcome.text.split('\n');
    expect(lines[0]).toBe('CT 200 (dns) on pve1:');
    expect(lines).toContain('net0: name=eth0,bridge=vmbr0,hwaddr=BC:24:11:00:02:00,ip=dhcp,type=veth');
    expect(lines).toContain('memory: 512');
    expect(lines.some((line) => line.startsWith('digest:'))).toBe(false);
    expect(lines[1]).toMatch(/^<<<DATA from the configuration of CT 200 \(dns\)/);
    expect(lines.at(-1)).toBe('<<<END DATA>>>');
    const keys = lines.slice(2, -1).map((line) => line.split(':')[0]!);
    expect(keys).toEqual([...keys].sort());
  });

  it('reads nothing about a guest the policy denies', async () => {
    const outcome = await pipeline.call('vm_config', { vmid: 101 });
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-vm-config' });
  });

  it('fails in one line when the guest lives on an offline node', async () => {
    const outcome = await pipeline.call('vm_config', { vmid: 300 });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toMatch(/^node pve2 is unreachable .* for GET \/nodes\/pve2\/qemu\/300\/config;/);
  });
});
