import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario, parseScenario } from '../../src/sim/index.js';
import { startClient, type SimClient } from './support/sim-client.js';

describe('a generated cluster of 5,000 guests on 32 nodes', () => {
  let client: SimClient;

  beforeAll(async () => {
    const text = JSON.stringify(generateScenario({ guests: 5000, nodes: 32 }));
    client = await startClient(parseScenario(text, 'generated.json'));
  });
  afterAll(() => client.close());

  it('lists every guest, node and storage in /cluster/resources', async () => {
    const items = await client.data('GET', '/cluster/resources');
    const count = (type: string) => items.filter((item: { type: string }) => item.type === type).length;
    expect([count('qemu') + count('lxc'), count('node'), count('storage')]).toEqual([5000, 32, 64]);
  });

  it('spreads the guests evenly over the nodes', async () => {
    const onFirst = await client.data('GET', '/nodes/pve1/qemu');
    const containers = await client.data('GET', '/nodes/pve1/lxc');
    expect(onFirst.length + containers.length).toBe(157);
  });

  it('places the last guest round-robin', async () => {
    const items = await client.data('GET', '/cluster/resources?type=vm');
    const last = items.find((item: { vmid: number }) => item.vmid === 5099);
    expect(last).toMatchObject({ node: 'pve8', type: 'lxc', name: 'ct-5099' });
  });
});
