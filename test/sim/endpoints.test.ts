import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, demoNow, demoScenario, startClient, type SimClient } from './support/sim-client.js';

describe('simulator read endpoints', () => {
  const clock = new ManualClock(demoNow);
  let client: SimClient;

  beforeAll(async () => {
    const demo = demoScenario();
    client = await startClient(
      {
        ...demo,
        nodes: [...demo.nodes, { name: 'pve3', status: 'offline', storage: [{ id: 'local', type: 'dir' }] }],
        guests: [
          ...demo.guests!,
          { vmid: 300, type: 'qemu', node: 'pve3', name: 'stranded', ha: { state: 'started', group: 'prod' } },
        ],
      },
      { now: clock.now },
    );
  });
  afterAll(() => client.close());

  it('reports cluster status with quorum and one entry per node', async () => {
    const [cluster, ...nodes] = await client.data('GET', '/cluster/status');
    expect(cluster).toEqual({ type: 'cluster', id: 'cluster', name: 'homelab', nodes: 3, version: 5, quorate: 1 });
    expect(
      nodes.map((node: { name: string; online: number; local: number }) => [node.name, node.online, node.local]),
    ).toEqual([
      ['pve1', 1, 1],
      ['pve2', 1, 0],
      ['pve3', 0, 0],
    ]);
  });

  it('shows guests of an offline node as unknown in /cluster/resources', async () => {
    const items = await client.data('GET', '/cluster/resources');
    expect(items.find((item: { id: string }) => item.id === 'qemu/300')).toEqual({
      id: 'qemu/300',
      type: 'qemu',
      vmid: 300,
      node: 'pve3',
      status: 'unknown',
    });
    expect(items.find((item: { id: string }) => item.id === 'node/pve3')).toMatchObject({ status: 'offline' });
    expect(items.find((item: { id: string }) => item.id === 'node/pve3').uptime).toBeUndefined();
  });

  it('filters /cluster/resources by type', async () => {
    const storage = await client.data('GET', '/cluster/resources?type=storage');
    expect(new Set(storage.map((item: { type: string }) => item.type))).toEqual(new Set(['storage']));
    expect(storage.find((item: { id: string }) => item.id === 'storage/pve2/local-lvm')).toMatchObject({
      plugintype: 'lvmthin',
      status: 'available',
    });
  });

  it('proposes the lowest free vmid as a string', async () => {
    expect(await client.data('GET', '/cluster/nextid')).toBe('106');
  });

  it('refuses a taken vmid in nextid with a 400', async () => {
    const answer = await client.call('GET', '/cluster/nextid?vmid=100');
    expect(answer.body.errors).toEqual({ vmid: 'VM 100 already exists' });
  });

  it('lists the cluster storage configuration', async () => {
    const storage = await client.data('GET', '/storage');
    expect(storage.find((item: { storage: string }) => item.storage === 'local-lvm')).toMatchObject({
      type: 'lvmthin',
      thinpool: 'data',
      vgname: 'pve',
      nodes: 'pve1,pve2',
    });
  });

  it('lists nodes with the certificate fingerprint of the node it talks to', async () => {
    const [first] = await client.data('GET', '/nodes');
    expect(first.ssl_fingerprint).toBe(client.sim.fingerprint);
    expect(first.maxmem).toBe(64 * 1024 ** 3);
  });

  it('answers node status with string-typed load averages', async () => {
    const status = await client.data('GET', '/nodes/pve1/status');
    expect(status.loadavg).toHaveLength(3);
    expect(typeof status.loadavg[0]).toBe('string');
    expect(status.cpuinfo).toMatchObject({ cpus: 16, hvm: '1' });
  });

  it('lists node storage with used_fraction', async () => {
    const storage = await client.data('GET', '/nodes/pve2/storage');
    expect(storage.find((item: { storage: string }) => item.storage === 'local-lvm').used_fraction).toBe(1);
  });

  it('lists the volumes of a storage from the guest configs', async () => {
    const content = await client.data('GET', '/nodes/pve2/storage/local-lvm/content');
    expect(content.map((volume: { volid: string }) => volume.volid).sort()).toEqual([
      'local-lvm:vm-102-disk-0',
      'local-lvm:vm-103-disk-0',
    ]);
    expect(content[0]).toMatchObject({ format: 'raw', content: 'images' });
  });

  it('lists VMs without QMP fields, and with them when full=1', async () => {
    const plain = (await client.data('GET', '/nodes/pve1/qemu')).find((vm: { vmid: number }) => vm.vmid === 100);
    expect(plain.qmpstatus).toBeUndefined();
    const full = (await client.data('GET', '/nodes/pve1/qemu?full=1')).find((vm: { vmid: number }) => vm.vmid === 100);
    expect(full).toMatchObject({ qmpstatus: 'running', 'running-machine': 'pc-q35-10.1+pve0' });
    expect(full.blockstat.scsi0).toBeDefined();
  });

  it('sends config keys with their wire types: integers as numbers, memory and property strings as strings', async () => {
    const config = await client.data('GET', '/nodes/pve1/qemu/100/config');
    expect(config).toMatchObject({ cores: 2, onboot: 1, memory: '4096', agent: '1', name: 'web-01', tags: 'prod' });
    expect(config.digest).toMatch(/^[0-9a-f]{40}$/);
  });

  it('lists containers with type lxc and string pressure values', async () => {
    const [ct] = await client.data('GET', '/nodes/pve2/lxc');
    expect(ct).toMatchObject({ vmid: 200, type: 'lxc', name: 'dns', status: 'running', pressurecpusome: '0.00' });
  });

  it('answers container status and config', async () => {
    expect(await client.data('GET', '/nodes/pve2/lxc/200/status/current')).toMatchObject({
      status: 'running',
      ha: { managed: 0 },
    });
    expect(await client.data('GET', '/nodes/pve2/lxc/200/config')).toMatchObject({
      hostname: 'dns',
      memory: 512,
      unprivileged: 1,
    });
  });

  it('reports HA resources and their status', async () => {
    expect(await client.data('GET', '/cluster/ha/resources')).toEqual([
      expect.objectContaining({ sid: 'vm:300', state: 'started', group: 'prod', type: 'vm' }),
    ]);
    const status = await client.data('GET', '/cluster/ha/status/current');
    expect(status.map((item: { id: string }) => item.id)).toEqual([
      'quorum',
      'master',
      'lrm:pve1',
      'lrm:pve2',
      'lrm:pve3',
      'service:vm:300',
    ]);
  });

  it('answers an agent call for a paused VM with a timeout', async () => {
    const answer = await client.call('POST', '/nodes/pve2/qemu/103/agent/ping');
    expect(answer.body.message).toBe("VM 103 qga command 'guest-ping' failed - got timeout\n");
  });

  it('answers an agent call for a stopped VM with VM is not running', async () => {
    const answer = await client.call('POST', '/nodes/pve1/qemu/101/agent/ping');
    expect(answer.body.message).toBe('VM 101 is not running\n');
  });

  it('pings an answering agent', async () => {
    expect(await client.data('POST', '/nodes/pve1/qemu/100/agent/ping')).toEqual({ result: {} });
  });
});
