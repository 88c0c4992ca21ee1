import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/sim/index.js';
import { startClient, type SimClient } from './support/sim-client.js';

const yaml = `name: shared
nodes: [{ name: pve1, bridges: [vmbr0] }]
guests:
  - { vmid: 100, type: qemu, node: pve1, tags: [prod], ha: { state: stopped }, config: { net0: "virtio=BC:24:11:00:00:01,bridge=vmbr9" } }
`;

describe('simulators started from one scenario', () => {
  const clients: SimClient[] = [];
  afterAll(() => Promise.all(clients.map((client) => client.close())));

  it('keep their state apart', async () => {
    const scenario = parseScenario(yaml, 'shared.yaml');
    const first = await startClient(scenario);
    const second = await startClient(scenario);
    clients.push(first, second);
    await first.post('/nodes/pve1/qemu/100/status/start');
    expect((await first.data('GET', '/nodes/pve1/qemu/100/status/current')).ha.state).toBe('error');
    expect((await second.data('GET', '/nodes/pve1/qemu/100/status/current')).ha.state).toBe('stopped');
  });
});
