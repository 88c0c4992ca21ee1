import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, demoNow, demoScenario, startClient, type SimClient } from './support/sim-client.js';

let client: SimClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

async function demo(clock = new ManualClock(demoNow)) {
  client = await startClient(demoScenario(), { now: clock.now, taskDurationMs: 1_000 });
  return { client, clock };
}

describe('config edits, clone and migrate (qemu-server semantics)', () => {
  it('PUT config with the digest just read changes the VM; a stale digest fails and changes nothing', async () => {
    const { client } = await demo();
    const before = await client.data('GET', '/nodes/pve1/qemu/104/config');
    const put = await client.call('PUT', '/nodes/pve1/qemu/104/config', {
      form: { memory: 49152, digest: before.digest },
    });
    expect(put.status).toBe(200);
    const after = await client.data('GET', '/nodes/pve1/qemu/104/config');
    expect(after.memory).toBe('49152');
    expect(after.digest).not.toBe(before.digest);
    const stale = await client.call('PUT', '/nodes/pve1/qemu/104/config', {
      form: { memory: 4096, digest: before.digest },
    });
    expect(stale.status).toBe(500);
    expect(stale.reason).toContain('detected modified configuration - file changed by other user? Try again.');
    expect((await client.data('GET', '/nodes/pve1/qemu/104/config')).memory).toBe('49152');
  });

  it('validates numbered keys such as net0 against the net[n] schema entry and refuses a locked VM', async () => {
    const { client } = await demo();
    const moved = await client.call('PUT', '/nodes/pve1/qemu/101/config', {
      form: { net0: 'virtio=BC:24:11:3C:71:0A,bridge=vmbr0,firewall=1' },
    });
    expect(moved.status).toBe(200);
    const unknown = await client.call('PUT', '/nodes/pve1/qemu/101/config', { form: { nett0: 'x' } });
    expect(unknown.status).toBe(400);
    const locked = await client.call('PUT', '/nodes/pve2/qemu/102/config', { form: { cores: 2 } });
    expect(locked.reason).toContain('VM is locked (backup)');
  });

  it('keeps cold changes of a running VM pending until the next start', async () => {
    const { client, clock } = await demo();
    await client.data('PUT', '/nodes/pve1/qemu/100/config', { form: { cores: 4 } });
    expect((await client.data('GET', '/nodes/pve1/qemu/100/config')).cores).toBe(4);
    expect((await client.data('GET', '/nodes/pve1/qemu/100/config?current=1')).cores).toBe(2);
    await client.post('/nodes/pve1/qemu/100/status/stop');
    clock.advance(1_000);
    await client.post('/nodes/pve1/qemu/100/status/start');
    clock.advance(1_000);
    expect((await client.data('GET', '/nodes/pve1/qemu/100/config?current=1')).cores).toBe(4);
  });

  it('clones the template 105 as a task: the new VM exists with the clone lock, then unlocked with its own disks and MAC', async () => {
    const { client, clock } = await demo();
    const upid = await client.post('/nodes/pve1/qemu/105/clone', { newid: 106, name: 'web-02', full: 1 });
    expect(upid).toContain(':qmclone:105:');
    expect((await client.data('GET', '/nodes/pve1/qemu/106/config')).lock).toBe('clone');
    clock.advance(1_000);
    expect((await client.taskStatus('pve1', upid)).exitstatus).toBe('OK');
    const config = await client.data('GET', '/nodes/pve1/qemu/106/config');
    expect(config).toMatchObject({ name: 'web-02', scsi0: 'local-lvm:vm-106-disk-0,size=3584M' });
    expect(config.lock).toBeUndefined();
    expect(config.template).toBeUndefined();
    expect(config.net0).not.toContain('BC:24:11:0F:95:C3');
    expect(await client.taskLog('pve1', upid)).toContain(
      'create full clone of drive scsi0 (local-lvm:base-105-disk-0)',
    );
  });

  it('refuses a clone onto a taken id and to another node from local storage', async () => {
    const { client } = await demo();
    const taken = await client.call('POST', '/nodes/pve1/qemu/105/clone', { form: { newid: 100 } });
    expect(taken.reason).toContain('unable to create VM 100: config file already exists');
    const away = await client.call('POST', '/nodes/pve1/qemu/105/clone', { form: { newid: 107, target: 'pve2' } });
    expect(away.reason).toContain("can't clone VM to node 'pve2' (VM uses local storage)");
  });

  it('migrates a stopped VM offline as a task and refuses a running one without online', async () => {
    const { client, clock } = await demo();
    const running = await client.call('POST', '/nodes/pve1/qemu/100/migrate', { form: { target: 'pve2' } });
    expect(running.reason).toContain("can't migrate running VM without --online");
    const upid = await client.post('/nodes/pve1/qemu/101/migrate', { target: 'pve2' });
    clock.advance(1_000);
    expect((await client.taskStatus('pve1', upid)).exitstatus).toBe('OK');
    expect(await client.taskLog('pve1', upid)).toContain("starting migration of VM 101 to node 'pve2' (192.168.1.12)");
    const resources = (await client.data('GET', '/cluster/resources?type=vm')) as Array<{ vmid: number; node: string }>;
    expect(resources.find((guest) => guest.vmid === 101)?.node).toBe('pve2');
  });

  it('a live migration to a node without the memory fails on the remote start', async () => {
    const { client, clock } = await demo();
    await client.data('PUT', '/nodes/pve1/qemu/100/config', { form: { memory: 40960 } });
    await client.post('/nodes/pve1/qemu/100/status/stop');
    clock.advance(1_000);
    await client.post('/nodes/pve1/qemu/100/status/start');
    clock.advance(1_000);
    const upid = await client.post('/nodes/pve1/qemu/100/migrate', { target: 'pve2', online: 1 });
    clock.advance(1_000);
    expect((await client.taskStatus('pve1', upid)).exitstatus).toBe('migration problems');
    expect(await client.taskLog('pve1', upid)).toContain(
      "kvm: cannot set up guest memory 'pc.ram': Cannot allocate memory",
    );
  });

  it('resuming VM 103 on the full thin pool pauses it again with io-error', async () => {
    const { client, clock } = await demo();
    const upid = await client.post('/nodes/pve2/qemu/103/status/resume');
    clock.advance(1_000);
    expect((await client.taskStatus('pve2', upid)).exitstatus).toBe('OK');
    expect((await client.data('GET', '/nodes/pve2/qemu/103/status/current')).qmpstatus).toBe('io-error');
  });
});
