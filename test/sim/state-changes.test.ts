import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, demoNow, smallScenario, startClient, type SimClient } from './support/sim-client.js';

describe('state changes', () => {
  const clock = new ManualClock(demoNow);
  let client: SimClient;
  const status = (vmid = 100, type = 'qemu') => client.data('GET', `/nodes/pve1/${type}/${vmid}/status/current`);

  beforeAll(async () => {
    const base = smallScenario();
    client = await startClient(
      {
        ...base,
        guests: [
          ...base.guests!,
          {
            vmid: 200,
            type: 'lxc',
            node: 'pve1',
            name: 'ct',
            config: { memory: 512, rootfs: 'local-lvm:vm-200-disk-0,size=8G', net0: 'name=eth0,bridge=vmbr0,ip=dhcp' },
          },
        ],
      },
      { now: clock.now, taskDurationMs: 1_000 },
    );
  });
  afterAll(() => client.close());

  async function finish(upid: string): Promise<string> {
    clock.advance(1_000);
    return (await client.taskStatus('pve1', upid)).exitstatus;
  }

  it('starts a VM: running once the task ends, with a pid and a growing uptime', async () => {
    const upid = await client.post('/nodes/pve1/qemu/100/status/start');
    expect((await status()).status).toBe('stopped');
    expect(await finish(upid)).toBe('OK');
    clock.advance(60_000);
    const current = await status();
    expect(current).toMatchObject({ status: 'running', qmpstatus: 'running', uptime: 60 });
    expect(current.pid).toBeGreaterThan(0);
  });

  it('shows the running VM in /cluster/resources', async () => {
    const [vm] = await client.data('GET', '/cluster/resources?type=vm');
    expect(vm).toMatchObject({ id: 'qemu/100', status: 'running', uptime: 60 });
  });

  it('restarts the uptime on reboot', async () => {
    await finish(await client.post('/nodes/pve1/qemu/100/status/reboot'));
    expect((await status()).uptime).toBe(0);
  });

  it('pauses and resumes a VM', async () => {
    await finish(await client.post('/nodes/pve1/qemu/100/status/suspend'));
    expect(await status()).toMatchObject({ status: 'running', qmpstatus: 'paused' });
    await finish(await client.post('/nodes/pve1/qemu/100/status/resume'));
    expect((await status()).qmpstatus).toBe('running');
  });

  it('refuses to shut down a paused VM', async () => {
    await finish(await client.post('/nodes/pve1/qemu/100/status/suspend'));
    const answer = await client.call('POST', '/nodes/pve1/qemu/100/status/shutdown');
    expect(answer.body.message).toBe('VM is paused - cannot shutdown\n');
    await finish(await client.post('/nodes/pve1/qemu/100/status/resume'));
  });

  it('shuts a VM down', async () => {
    await finish(await client.post('/nodes/pve1/qemu/100/status/shutdown'));
    const current = await status();
    expect(current).toMatchObject({ status: 'stopped', qmpstatus: 'stopped', uptime: 0 });
    expect(current.pid).toBeUndefined();
  });

  it('refuses to reboot a stopped VM with a 500', async () => {
    const answer = await client.call('POST', '/nodes/pve1/qemu/100/status/reboot');
    expect(answer.status).toBe(500);
    expect(answer.body.message).toBe('VM 100 not running\n');
  });

  it('locks the VM while a snapshot is taken and lists the snapshot afterwards', async () => {
    const upid = await client.post('/nodes/pve1/qemu/100/snapshot', { snapname: 'before', description: 'first' });
    expect((await client.data('GET', '/nodes/pve1/qemu/100/config')).lock).toBe('snapshot');
    expect(await finish(upid)).toBe('OK');
    expect((await client.data('GET', '/nodes/pve1/qemu/100/config')).lock).toBeUndefined();
    const list = await client.data('GET', '/nodes/pve1/qemu/100/snapshot');
    expect(list).toEqual([
      { name: 'before', snaptime: Math.floor(clock.ms / 1000) - 1, vmstate: 0, description: 'first' },
      expect.objectContaining({ name: 'current', running: 0, description: 'You are here!', parent: 'before' }),
    ]);
  });

  it('fails a second snapshot of the same name inside the task', async () => {
    const upid = await client.post('/nodes/pve1/qemu/100/snapshot', { snapname: 'before' });
    expect(await finish(upid)).toBe("snapshot name 'before' already used");
  });

  it("refuses the reserved name 'current'", async () => {
    const answer = await client.call('POST', '/nodes/pve1/qemu/100/snapshot', { form: { snapname: 'current' } });
    expect(answer.body.message).toBe("unable to use snapshot name 'current' (reserved name)\n");
  });

  it('rolls back to a snapshot, starting the VM when asked', async () => {
    await finish(await client.post('/nodes/pve1/qemu/100/snapshot', { snapname: 'after' }));
    await finish(await client.post('/nodes/pve1/qemu/100/snapshot/before/rollback', { start: 1 }));
    expect((await status()).status).toBe('running');
    const current = (await client.data('GET', '/nodes/pve1/qemu/100/snapshot')).at(-1);
    expect(current.parent).toBe('before');
  });

  it('deletes a snapshot and re-parents its children', async () => {
    await finish(await client.post('/nodes/pve1/qemu/100/status/stop'));
    const upid = await client.data('DELETE', '/nodes/pve1/qemu/100/snapshot/before');
    expect(await finish(upid)).toBe('OK');
    const names = (await client.data('GET', '/nodes/pve1/qemu/100/snapshot')).map(
      (snap: { name: string; parent?: string }) => [snap.name, snap.parent],
    );
    expect(names).toEqual([
      ['after', undefined],
      ['current', undefined],
    ]);
  });

  it('answers a rollback to an unknown snapshot with a 500', async () => {
    const answer = await client.call('POST', '/nodes/pve1/qemu/100/snapshot/nosuch/rollback');
    expect(answer.body.message).toBe("snapshot 'nosuch' does not exist\n");
  });

  it('starts and stops a container', async () => {
    const upid = await client.post('/nodes/pve1/lxc/200/status/start');
    expect(upid).toMatch(/:vzstart:200:/);
    await finish(upid);
    expect((await status(200, 'lxc')).status).toBe('running');
    await finish(await client.post('/nodes/pve1/lxc/200/status/stop'));
    expect((await status(200, 'lxc')).status).toBe('stopped');
  });

  it('snapshots a container', async () => {
    await finish(await client.post('/nodes/pve1/lxc/200/snapshot', { snapname: 'ct-snap' }));
    expect(
      (await client.data('GET', '/nodes/pve1/lxc/200/snapshot')).map((snap: { name: string }) => snap.name),
    ).toEqual(['ct-snap', 'current']);
  });
});
