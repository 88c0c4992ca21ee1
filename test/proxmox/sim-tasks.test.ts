import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxmoxClient, type ProxmoxClient } from '../../src/proxmox/client.js';
import { ProxmoxAbortedError } from '../../src/proxmox/errors.js';
import type { TaskProgress } from '../../src/proxmox/task-follow.js';
import { parseUpid } from '../../src/proxmox/upid.js';
import { startDemo, tokenProfile, type Simulator } from './support/sim.js';

let sim: Simulator;
let client: ProxmoxClient;
const follow = { pollIntervalMs: 20 };
const qemu = (vmid: number, node = 'pve1') => ({ node, type: 'qemu', vmid }) as const;

beforeAll(async () => {
  sim = await startDemo({ taskDurationMs: 150 });
  client = createProxmoxClient(tokenProfile(sim));
});

afterAll(async () => {
  await client.close();
  await sim.close();
});

describe('following a task', () => {
  it('ends a start with a missing bridge as failed, with the real log lines', async () => {
    const upid = await client.guests.power(qemu(101), 'start');
    expect(parseUpid(upid)).toMatchObject({ node: 'pve1', type: 'qmstart', id: '101' });
    const outcome = await client.tasks.follow(upid, follow);
    expect(outcome).toMatchObject({
      upid,
      node: 'pve1',
      status: 'failed',
      exitStatus: 'start failed: QEMU exited with code 1',
    });
    expect(outcome.log).toContain("bridge 'vmbr1' does not exist");
    expect(outcome.log.at(-1)).toBe('TASK ERROR: start failed: QEMU exited with code 1');
  });

  it('reports progress until the task stops, each line once', async () => {
    const reports: TaskProgress[] = [];
    const outcome = await client.tasks.follow(await client.guests.power(qemu(101), 'start'), {
      ...follow,
      onProgress: (report) => reports.push(report),
    });
    expect(reports[0]?.status).toBe('running');
    expect(reports.at(-1)?.status).toBe('stopped');
    expect(reports.flatMap((report) => report.newLines)).toEqual(outcome.log);
  });

  it('ends starting a template with the template message', async () => {
    const outcome = await client.tasks.follow(await client.guests.power(qemu(105), 'start'), follow);
    expect(outcome.status).toBe('failed');
    expect(outcome.log.at(-1)).toBe("TASK ERROR: you can't start a vm if it's a template");
  });

  it('ends a snapshot of a running guest as ok, and the snapshot is listed afterwards', async () => {
    const outcome = await client.tasks.follow(
      await client.guests.createSnapshot(qemu(100), { snapname: 'followed', description: 'test' }),
      follow,
    );
    expect(outcome).toMatchObject({ status: 'ok', exitStatus: 'OK' });
    expect((await client.guests.snapshots(qemu(100))).map((snapshot) => snapshot.name)).toContain('followed');
  });

  it('creates, rolls back and deletes a container snapshot, each task ending ok', async () => {
    const dns = { node: 'pve2', type: 'lxc', vmid: 200 } as const;
    const outcomes = [];
    outcomes.push(
      await client.tasks.follow(await client.guests.createSnapshot(dns, { snapname: 'lifecycle' }), follow),
    );
    outcomes.push(await client.tasks.follow(await client.guests.rollbackSnapshot(dns, 'lifecycle'), follow));
    outcomes.push(await client.tasks.follow(await client.guests.deleteSnapshot(dns, 'lifecycle'), follow));
    expect(outcomes.map((outcome) => outcome.exitStatus)).toEqual(['OK', 'OK', 'OK']);
    expect((await client.guests.snapshots(dns)).map((snapshot) => snapshot.name)).not.toContain('lifecycle');
  });

  it('stops following when aborted', async () => {
    const controller = new AbortController();
    const upid = await client.guests.power(qemu(101), 'start');
    const following = client.tasks.follow(upid, {
      ...follow,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(following).rejects.toBeInstanceOf(ProxmoxAbortedError);
  });
});
