import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxmoxClient, type ProxmoxClient } from '../../src/proxmox/client.js';
import { startDemo, tokenProfile, type Simulator } from './support/sim.js';

// The typed surface against the demo scenario: every schema must accept what the simulator sends.
let sim: Simulator;
let client: ProxmoxClient;
const web = { node: 'pve1', type: 'qemu', vmid: 100 } as const;

beforeAll(async () => {
  sim = await startDemo();
  client = createProxmoxClient(tokenProfile(sim));
});

afterAll(async () => {
  await client.close();
  await sim.close();
});

describe('cluster reads', () => {
  it('lists the demo guests with tags and template flags parsed', async () => {
    const guests = await client.cluster.resources('vm');
    expect(guests.map((guest) => guest.vmid).sort()).toEqual(
      expect.arrayContaining([100, 101, 102, 103, 104, 105, 200]),
    );
    expect(guests.find((guest) => guest.vmid === 100)).toMatchObject({
      type: 'qemu',
      node: 'pve1',
      name: 'web-01',
      status: 'running',
      tags: ['prod'],
    });
    expect(guests.find((guest) => guest.vmid === 105)?.template).toBe(true);
  });

  it('lists the storages of every node with their fill', async () => {
    const storages = await client.cluster.storages();
    expect(storages.length).toBeGreaterThan(0);
    for (const item of storages) expect(item).toMatchObject({ type: 'storage', node: expect.any(String) });
    const full = storages.find((item) => item.node === 'pve2' && item.storage === 'local-lvm');
    expect(full?.maxdisk).toBeGreaterThan(0);
    expect((full?.disk ?? 0) / (full?.maxdisk ?? 1)).toBeGreaterThan(0.9);
  });

  it('reads version, cluster status and the next free vmid', async () => {
    expect((await client.cluster.version()).version).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await client.cluster.status()).find((entry) => entry.type === 'cluster')?.quorate).toBe(true);
    expect(await client.cluster.nextId()).toBeGreaterThanOrEqual(100);
  });

  it('reads recent cluster tasks and the HA status', async () => {
    expect((await client.cluster.tasks()).some((task) => task.type === 'qmstart' && task.id === '101')).toBe(true);
    expect((await client.cluster.haStatus()).find((entry) => entry.type === 'quorum')?.quorate).toBe(true);
  });

  it("reads the caller's permissions", async () => {
    expect(Object.keys(await client.access.permissions())).toContain('/');
  });
});

describe('node reads', () => {
  it('lists both nodes online', async () => {
    expect((await client.nodes.list()).map((node) => [node.node, node.status]).sort()).toEqual([
      ['pve1', 'online'],
      ['pve2', 'online'],
    ]);
  });

  it('reads node status with numbers parsed', async () => {
    const status = await client.nodes.status('pve1');
    expect(status.memory.total).toBeGreaterThan(0);
    expect(status.loadavg?.every((value) => typeof value === 'number')).toBe(true);
    expect(status.wait).toBeGreaterThanOrEqual(0);
    expect(status.rootfs?.total).toBeGreaterThan(0);
  });

  it("shows pve1's only bridge", async () => {
    const bridges = (await client.nodes.network('pve1'))
      .filter((iface) => iface.type === 'bridge')
      .map((iface) => iface.iface);
    expect(bridges).toEqual(['vmbr0']);
  });

  it("reads pve2's full local-lvm from the storage list and its status", async () => {
    const lvm = (await client.storage.list('pve2')).find((storage) => storage.storage === 'local-lvm');
    expect(lvm?.content).toContain('images');
    const status = await client.storage.status('pve2', 'local-lvm');
    expect(status.used).toBe(status.total);
  });

  it('lists the volumes of a storage', async () => {
    const volumes = await client.storage.content('pve2', 'local-lvm');
    expect(volumes.some((volume) => volume.vmid === 103)).toBe(true);
  });

  it('pages the task history with its total', async () => {
    const page = await client.nodes.tasks('pve1', { vmid: 101, limit: 5 });
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(page.data[0]).toMatchObject({ type: 'qmstart', id: '101', status: 'start failed: QEMU exited with code 1' });
  });

  it('reads the syslog and the journal with its cursors split off', async () => {
    expect((await client.nodes.syslog('pve1', { limit: 5 })).data.length).toBeGreaterThan(0);
    const journal = await client.nodes.journal('pve1', { lastentries: 500 });
    expect(journal.lines.some((line) => line.includes('NOTE TO AI ASSISTANT'))).toBe(true);
    expect(journal.startCursor).toMatch(/^s=[0-9a-f]+;i=/);
    expect(journal.lines.every((line) => !line.startsWith('s='))).toBe(true);
  });
});

describe('guest reads', () => {
  it('lists the qemu guests of a node, also with full=1', async () => {
    expect((await client.guests.list('pve1', 'qemu')).map((guest) => guest.vmid)).toEqual(
      expect.arrayContaining([100, 101, 104, 105]),
    );
    expect(
      (await client.guests.list('pve2', 'qemu', { full: true })).find((guest) => guest.vmid === 103)?.qmpstatus,
    ).toBe('io-error');
  });

  it('reads status and config', async () => {
    // As in qemu-server, `status` says whether the process runs; QMP says it is paused on an I/O error.
    expect(await client.guests.status({ node: 'pve2', type: 'qemu', vmid: 103 })).toMatchObject({
      status: 'running',
      qmpstatus: 'io-error',
    });
    expect(String((await client.guests.config({ node: 'pve1', type: 'qemu', vmid: 101 })).net0)).toContain(
      'bridge=vmbr1',
    );
    expect(await client.guests.status({ node: 'pve2', type: 'lxc', vmid: 200 })).toMatchObject({
      status: 'running',
      name: 'dns',
    });
  });

  it('asks the guest agent for OS and addresses', async () => {
    await expect(client.guests.agentPing(web)).resolves.toBeDefined();
    expect((await client.guests.agentOsInfo(web)).id).toBeTruthy();
    expect((await client.guests.agentInterfaces(web)).some((iface) => (iface['ip-addresses'] ?? []).length > 0)).toBe(
      true,
    );
  });
});
