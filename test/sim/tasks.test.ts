import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUpid } from '../../src/proxmox/upid.js';
import { ManualClock, demoNow, smallScenario, startClient, type SimClient } from './support/sim-client.js';

const upidPattern =
  /^UPID:([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-F]{8}):([0-9A-F]{8,9}):([0-9A-F]{8}):([^:\s/]+):([^:\s/]*):([^:\s/]+):$/;

describe('simulator tasks', () => {
  const clock = new ManualClock(demoNow);
  let client: SimClient;

  beforeAll(async () => {
    client = await startClient(smallScenario(), { now: clock.now, taskDurationMs: 2_000 });
  });
  afterAll(() => client.close());

  it('returns a UPID in Proxmox format carrying node, type, vmid, token id and the clock', async () => {
    const upid = await client.post('/nodes/pve1/qemu/100/status/start');
    expect(upid).toMatch(upidPattern);
    const fields = parseUpid(upid);
    expect(fields).toMatchObject({
      node: 'pve1',
      type: 'qmstart',
      id: '100',
      user: 'root@pam!sim',
      starttime: Math.floor(clock.ms / 1000),
    });
    clock.advance(3_000);
  });

  it('keeps a task running until the clock passes its duration, then stops it with its exit status', async () => {
    const upid = await client.post('/nodes/pve1/qemu/100/status/shutdown');
    const running = await client.taskStatus('pve1', upid);
    expect(running).toMatchObject({ upid, status: 'running', user: 'root@pam', tokenid: 'sim', type: 'qmshutdown' });
    expect(running.exitstatus).toBeUndefined();
    clock.advance(2_000);
    expect(await client.taskStatus('pve1', upid)).toMatchObject({ status: 'stopped', exitstatus: 'OK' });
  });

  it('writes the final TASK line only when the task ends', async () => {
    const upid = await client.post('/nodes/pve1/qemu/100/status/start');
    expect(await client.data('GET', `/nodes/pve1/tasks/${encodeURIComponent(upid)}/log`)).toEqual([
      { n: 1, t: 'no content' },
    ]);
    clock.advance(2_000);
    expect(await client.taskLog('pve1', upid)).toEqual(['TASK OK']);
  });

  it('lists active tasks as RUNNING and finished ones with endtime, newest first', async () => {
    const upid = await client.post('/nodes/pve1/qemu/100/status/reboot');
    const active = await client.call('GET', '/nodes/pve1/tasks?source=active');
    expect(active.body.data).toEqual([expect.objectContaining({ upid, status: 'RUNNING' })]);
    clock.advance(2_000);
    const archive = await client.call('GET', '/nodes/pve1/tasks');
    expect(archive.body.total).toBe(4);
    expect(archive.body.data[0]).toMatchObject({ upid, status: 'OK', endtime: Math.floor(clock.ms / 1000) });
    expect(archive.body.data.map((task: { type: string }) => task.type)).toEqual([
      'qmreboot',
      'qmstart',
      'qmshutdown',
      'qmstart',
    ]);
  });

  it('filters the node task list by type and pages it with start and limit', async () => {
    const page = await client.call('GET', '/nodes/pve1/tasks?typefilter=qmstart&start=1&limit=1');
    expect(page.body.total).toBe(2);
    expect(page.body.data).toHaveLength(1);
    expect(page.body.data[0].type).toBe('qmstart');
  });

  it('pages a task log with a 0-based start and 1-based line numbers', async () => {
    const upid = await client.post('/nodes/pve1/qemu/100/snapshot', { snapname: 'paged' });
    clock.advance(2_000);
    const answer = await client.call('GET', `/nodes/pve1/tasks/${encodeURIComponent(upid)}/log?start=1&limit=1`);
    expect(answer.body).toEqual({ data: [{ n: 2, t: 'TASK OK' }], total: 2 });
  });

  it('lists tasks of the whole cluster without pstart, and finished ones without pid', async () => {
    const [newest] = await client.data('GET', '/cluster/tasks');
    expect(newest.type).toBe('qmsnapshot');
    expect(newest.pstart).toBeUndefined();
    expect(newest.pid).toBeUndefined();
    expect(newest.status).toBe('OK');
  });

  it('answers an unknown UPID with 400 no such task', async () => {
    const answer = await client.call(
      'GET',
      `/nodes/pve1/tasks/${encodeURIComponent('UPID:pve1:00000001:00000001:00000001:qmstart:100:root@pam:')}/status`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual({ upid: 'no such task' });
  });

  it('logs the start and end of each task in the journal', async () => {
    const upid = await client.post('/nodes/pve1/qemu/100/status/stop');
    clock.advance(2_000);
    const lines = (await client.data('GET', '/nodes/pve1/syslog?limit=500')).map((line: { t: string }) => line.t);
    expect(lines).toContain(`Nov 20 03:00:11 pve1 pvedaemon[1423]: <root@pam!sim> starting task ${upid}`);
    expect(lines).toContain(`Nov 20 03:00:13 pve1 pvedaemon[1423]: <root@pam!sim> end task ${upid} OK`);
  });

  it('dates the end of a task, and its effect, at the end time even when noticed later', async () => {
    const upid = await client.post('/nodes/pve1/qemu/100/status/start');
    clock.advance(10_000);
    expect((await client.data('GET', '/nodes/pve1/qemu/100/status/current')).uptime).toBe(8);
    const lines = (await client.data('GET', '/nodes/pve1/syslog?limit=500')).map((line: { t: string }) => line.t);
    expect(lines).toContain(`Nov 20 03:00:15 pve1 pvedaemon[1423]: <root@pam!sim> end task ${upid} OK`);
  });
});
