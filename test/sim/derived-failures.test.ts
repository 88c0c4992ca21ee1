import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/sim/index.js';
import { smallScenario, startClient, type SimClient } from './support/sim-client.js';

type Guest = NonNullable<Scenario['guests']>[number];

const disk = (vmid: number, storage = 'local-lvm') => `${storage}:vm-${vmid}-disk-0,size=16G`;
const nic = (bridge = 'vmbr0') => `virtio=BC:24:11:00:00:01,bridge=${bridge}`;
const qemu = (vmid: number, config: Record<string, string | number>, extra: Partial<Guest> = {}): Guest => ({
  vmid,
  type: 'qemu',
  node: 'pve1',
  config: { memory: '2048', scsi0: disk(vmid), net0: nic(), ...config },
  ...extra,
});

const guests: Guest[] = [
  qemu(101, { net0: 'virtio=BC:24:11:3C:71:0A,bridge=vmbr1,firewall=1' }),
  qemu(102, { scsi0: disk(102, 'nfs-vm') }),
  qemu(103, { scsi0: disk(103, 'nas') }),
  qemu(104, {}),
  qemu(105, { memory: '98304' }),
  qemu(106, {}, { lock: 'backup' }),
  qemu(107, {}, { template: true }),
  qemu(108, {}, { status: 'running' }),
  qemu(
    109,
    { hostpci0: '0000:01:00.0,pcie=1' },
    {
      tasks: [
        {
          type: 'qmstart',
          startedAt: '2026-11-20T02:00:00Z',
          log: [
            'kvm: -device vfio-pci,host=0000:01:00.0,id=hostpci0,bus=ich9-pcie-port-1,addr=0x0: vfio 0000:01:00.0: failed to setup container for group 12: Failed to set iommu for container: Operation not permitted',
            'TASK ERROR: start failed: QEMU exited with code 1',
          ],
        },
      ],
    },
  ),
  qemu(110, { scsi0: disk(110, 'full-thin') }),
  qemu(111, { net0: 'e1000=BC:24:11:00:01:11,bridge=vmbr7' }),
  qemu(112, {}, { ha: { state: 'started', group: null } }),
  qemu(113, { net0: nic('vmbr9') }, { ha: { state: 'stopped', group: null } }),
  {
    vmid: 200,
    type: 'lxc',
    node: 'pve1',
    config: { rootfs: 'local-lvm:vm-200-disk-0,size=8G', net0: 'name=eth0,bridge=vmbr5,ip=dhcp' },
  },
  { vmid: 201, type: 'lxc', node: 'pve1', template: true, config: { rootfs: 'local-lvm:base-201-disk-0,size=8G' } },
];

describe('derived start outcomes', () => {
  let client: SimClient;

  beforeAll(async () => {
    const base = smallScenario();
    const node = base.nodes[0]!;
    client = await startClient({
      ...base,
      nodes: [
        {
          ...node,
          storage: [
            { id: 'local-lvm', type: 'lvmthin', totalGiB: 400, usedGiB: 100, missingVolumes: ['vm-104-disk-0'] },
            { id: 'nas', type: 'nfs', active: false },
            { id: 'full-thin', type: 'lvmthin', totalGiB: 100, usedGiB: 100 },
          ],
        },
      ],
      guests,
    });
  });
  afterAll(() => client.close());

  async function start(vmid: number, type = 'qemu') {
    const upid = await client.post(`/nodes/pve1/${type}/${vmid}/status/start`);
    return { upid, log: await client.taskLog('pve1', upid), status: await client.taskStatus('pve1', upid) };
  }

  it('fails a start on a missing bridge with the bridge helper lines, as a task error', async () => {
    const { log, status } = await start(101);
    expect(log).toEqual([
      "bridge 'vmbr1' does not exist",
      'kvm: -netdev type=tap,id=net0,ifname=tap101i0,script=/usr/libexec/qemu-server/pve-bridge,downscript=/usr/libexec/qemu-server/pve-bridgedown,vhost=on: network script /usr/libexec/qemu-server/pve-bridge failed with status 512',
      'TASK ERROR: start failed: QEMU exited with code 1',
    ]);
    expect(status.exitstatus).toBe('start failed: QEMU exited with code 1');
  });

  it('leaves vhost out of the netdev line for non-virtio NICs', async () => {
    const { log } = await start(111);
    expect(log[1]).toBe(
      'kvm: -netdev type=tap,id=net0,ifname=tap111i0,script=/usr/libexec/qemu-server/pve-bridge,downscript=/usr/libexec/qemu-server/pve-bridgedown: network script /usr/libexec/qemu-server/pve-bridge failed with status 512',
    );
  });

  it('fails a start on a storage the node does not have', async () => {
    expect((await start(102)).log).toEqual(["TASK ERROR: storage 'nfs-vm' does not exist"]);
  });

  it('fails a start on an inactive storage', async () => {
    expect((await start(103)).log).toEqual(["TASK ERROR: storage 'nas' is not online"]);
  });

  it('fails a start on a missing volume', async () => {
    expect((await start(104)).log).toEqual(["TASK ERROR: volume 'local-lvm:vm-104-disk-0' does not exist"]);
  });

  it("fails a start with more memory than the node has with QEMU's pc.ram lines", async () => {
    expect((await start(105)).log).toEqual([
      "kvm: cannot set up guest memory 'pc.ram': Cannot allocate memory",
      'TASK ERROR: start failed: QEMU exited with code 1',
    ]);
  });

  it('fails a start of a locked VM', async () => {
    expect((await start(106)).log).toEqual(['TASK ERROR: VM is locked (backup)']);
  });

  it('fails a start of a template', async () => {
    expect((await start(107)).log).toEqual(["TASK ERROR: you can't start a vm if it's a template"]);
  });

  it('fails a start of a running VM', async () => {
    expect((await start(108)).log).toEqual(['TASK ERROR: VM 108 already running']);
  });

  it('replays a failure it cannot derive from the last start of the history', async () => {
    const { log } = await start(109);
    expect(log[0]).toContain('failed to setup container for group 12');
    expect(log.at(-1)).toBe('TASK ERROR: start failed: QEMU exited with code 1');
  });

  it('starts a VM on a full thin pool, which then pauses with io-error', async () => {
    const { status } = await start(110);
    expect(status.exitstatus).toBe('OK');
    const current = await client.data('GET', '/nodes/pve1/qemu/110/status/current');
    expect(current).toMatchObject({ status: 'running', qmpstatus: 'io-error' });
  });

  it('fails a container start on a missing bridge', async () => {
    expect((await start(200, 'lxc')).log).toEqual([
      "bridge 'vmbr5' does not exist",
      "TASK ERROR: startup for container '200' failed",
    ]);
  });

  it('fails a container template start', async () => {
    expect((await start(201, 'lxc')).log).toEqual(["TASK ERROR: you can't start a CT if it's a template"]);
  });

  it('lists the failed starts in the task history with their error as status', async () => {
    const tasks = await client.data('GET', '/nodes/pve1/tasks?vmid=101');
    expect(tasks[0]).toMatchObject({ type: 'qmstart', id: '101', status: 'start failed: QEMU exited with code 1' });
  });

  it('asks the HA stack to start an HA-managed guest', async () => {
    const { upid, log } = await start(112);
    expect(upid).toMatch(/:hastart:112:/);
    expect(log).toEqual(['Requesting HA start for VM 112', 'TASK OK']);
    expect(await client.data('GET', '/nodes/pve1/qemu/112/status/current')).toMatchObject({
      status: 'running',
      ha: { managed: 1, state: 'started' },
    });
  });

  it('puts an HA-managed guest whose start fails into the error state', async () => {
    await start(113);
    const current = await client.data('GET', '/nodes/pve1/qemu/113/status/current');
    expect(current).toMatchObject({ status: 'stopped', ha: { managed: 1, state: 'error' } });
    const answer = await client.call('POST', '/nodes/pve1/qemu/113/status/start');
    expect(answer.body.message).toBe("service 'vm:113' in error state, must be disabled and fixed first\n");
  });
});

describe('writes without quorum', () => {
  let client: SimClient;

  beforeAll(async () => {
    client = await startClient(smallScenario({ quorate: false }));
  });
  afterAll(() => client.close());

  it('refuses a start with 500 cluster not ready - no quorum?', async () => {
    const answer = await client.call('POST', '/nodes/pve1/qemu/100/status/start');
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ data: null, message: 'cluster not ready - no quorum?\n' });
  });

  it('still answers reads', async () => {
    expect((await client.call('GET', '/nodes/pve1/qemu/100/status/current')).status).toBe(200);
  });
});
