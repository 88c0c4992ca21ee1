import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ManualClock,
  demoNow,
  demoScenario,
  smallScenario,
  startClient,
  type SimClient,
} from './support/sim-client.js';

interface Volume {
  volid: string;
  content: string;
  format: string;
  size: number;
  ctime: number;
  vmid?: number;
  notes?: string;
  protected?: number;
  verification?: { state: string; upid: string };
}

describe('simulator backups on the demo', () => {
  const clock = new ManualClock(demoNow);
  let client: SimClient;

  beforeAll(async () => {
    client = await startClient(demoScenario(), { now: clock.now });
  });
  afterAll(() => client.close());

  it('lists ISOs, templates and backups of local with ctime, size, notes and protection', async () => {
    const volumes: Volume[] = await client.data('GET', '/nodes/pve1/storage/local/content');
    expect(new Set(volumes.map((volume) => volume.content))).toEqual(new Set(['iso', 'vztmpl', 'backup']));
    expect(volumes.find((volume) => volume.content === 'vztmpl')).toMatchObject({
      volid: 'local:vztmpl/debian-13-standard_13.1-2_amd64.tar.zst',
      format: 'tzst',
    });
    expect(volumes.find((volume) => volume.volid.endsWith('101-2026_11_13-01_00_05.vma.zst'))).toEqual({
      volid: 'local:backup/vzdump-qemu-101-2026_11_13-01_00_05.vma.zst',
      content: 'backup',
      format: 'vma.zst',
      subtype: 'qemu',
      size: Math.round(9.93 * 1024 ** 3),
      ctime: Date.parse('2026-11-13T01:00:05Z') / 1000,
      vmid: 101,
      notes: 'db-01 before the PostgreSQL 16 upgrade',
      protected: 1,
    });
  });

  it('filters content by type and vmid, and keeps listing guest disks', async () => {
    const isos: Volume[] = await client.data('GET', '/nodes/pve1/storage/local/content?content=iso');
    expect(isos.map((volume) => volume.volid).sort()).toEqual([
      'local:iso/debian-13.2.0-amd64-netinst.iso',
      'local:iso/ubuntu-24.04.3-live-server-amd64.iso',
    ]);
    const of200: Volume[] = await client.data('GET', '/nodes/pve2/storage/local/content?vmid=200');
    expect(of200.map((volume) => volume.content).sort()).toEqual(['backup', 'rootdir']);
    const disks: Volume[] = await client.data('GET', '/nodes/pve1/storage/local-lvm/content');
    expect(disks.find((volume) => volume.volid === 'local-lvm:vm-101-disk-0')).toMatchObject({
      content: 'images',
      vmid: 101,
    });
  });

  it('lists the nightly job with its schedule, selection and next run', async () => {
    expect(await client.data('GET', '/cluster/backup')).toEqual([
      {
        id: 'backup-nightly',
        type: 'vzdump',
        schedule: '01:00',
        storage: 'local',
        mode: 'snapshot',
        compress: 'zstd',
        enabled: 1,
        vmid: '100,101,102,103,105,200',
        comment: 'Nightly backup to local',
        'notes-template': '{{guestname}}',
        'next-run': Date.parse('2026-11-21T01:00:00Z') / 1000,
      },
    ]);
  });

  it('names 104 as the guest no job covers', async () => {
    expect(await client.data('GET', '/cluster/backup-info/not-backed-up')).toEqual([
      { vmid: 104, type: 'qemu', name: 'analytics' },
    ]);
  });

  it("keeps 103's failed vzdump with its I/O error in the task history", async () => {
    const tasks = await client.data('GET', '/nodes/pve2/tasks?typefilter=vzdump&vmid=103');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ type: 'vzdump', id: '103', status: 'job errors' });
    const log = await client.taskLog('pve2', tasks[0].upid);
    expect(log).toContain('ERROR: Backup of VM 103 failed - job failed with err -5 - Input/output error');
    expect(log.at(-1)).toBe('TASK ERROR: job errors');
  });
});

describe('simulator vzdump', () => {
  it('backs up a guest into a new archive on the storage, with the real log lines', async () => {
    const clock = new ManualClock(demoNow);
    const client = await startClient(smallScenario(), { now: clock.now, taskDurationMs: 4_000 });
    try {
      const upid = await client.post('/nodes/pve1/vzdump', {
        vmid: 100,
        storage: 'local',
        mode: 'snapshot',
        compress: 'zstd',
      });
      expect(upid).toMatch(/^UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:vzdump:100:root@pam!sim:$/);
      expect(await client.data('GET', '/nodes/pve1/qemu/100/config')).toMatchObject({ lock: 'backup' });
      clock.advance(4_000);
      expect(await client.taskStatus('pve1', upid)).toMatchObject({ status: 'stopped', exitstatus: 'OK' });
      const log = await client.taskLog('pve1', upid);
      expect(log[0]).toBe(
        'INFO: starting new backup job: vzdump 100 --storage local --mode snapshot --compress zstd --node pve1',
      );
      expect(log).toContain("INFO: include disk 'scsi0' 'local-lvm:vm-100-disk-0' 32G");
      expect(log.slice(-2)).toEqual(['INFO: Backup job finished successfully', 'TASK OK']);
      const backups: Volume[] = await client.data('GET', '/nodes/pve1/storage/local/content?content=backup');
      expect(backups).toEqual([
        expect.objectContaining({
          volid: 'local:backup/vzdump-qemu-100-2026_11_20-03_00_00.vma.zst',
          vmid: 100,
          ctime: demoNow / 1000,
          notes: 'app',
        }),
      ]);
      expect((await client.data('GET', '/nodes/pve1/qemu/100/config')).lock).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  it('fails a locked guest and a full target with the lines vzdump writes', async () => {
    const scenario = smallScenario();
    scenario.nodes[0]!.storage![0]!.usedGiB = 99.5;
    scenario.guests!.push({
      vmid: 101,
      type: 'qemu',
      node: 'pve1',
      lock: 'snapshot',
      config: { scsi0: 'local-lvm:vm-101-disk-0,size=8G' },
    });
    const client = await startClient(scenario);
    try {
      const upid = await client.post('/nodes/pve1/vzdump', { vmid: '100,101', storage: 'local' });
      expect(upid).toContain(':vzdump::');
      const log = await client.taskLog('pve1', upid);
      expect(log).toContain('ERROR: Backup of VM 100 failed - vma_queue_write: write error - Broken pipe');
      expect(log).toContain('INFO: zstd: error 70 : Write error : cannot write block : No space left on device');
      expect(log).toContain('ERROR: Backup of VM 101 failed - VM is locked (snapshot)');
      expect(log.slice(-2)).toEqual(['INFO: Backup job finished with errors', 'TASK ERROR: job errors']);
    } finally {
      await client.close();
    }
  });

  it('refuses a target that cannot hold backups, answers OK for guests of other nodes, and needs a selection', async () => {
    const client = await startClient(smallScenario());
    try {
      const upid = await client.post('/nodes/pve1/vzdump', { vmid: 100, storage: 'local-lvm' });
      expect(await client.taskLog('pve1', upid)).toContain(
        "TASK ERROR: can't use storage 'local-lvm' for backups - wrong content type",
      );
      expect(await client.data('POST', '/nodes/pve1/vzdump', { form: { vmid: 999 } })).toBe('OK');
      const missing = await client.call('POST', '/nodes/pve1/vzdump', { form: { storage: 'local' } });
      expect(missing.status).toBe(400);
      const bad = await client.call('POST', '/nodes/pve1/vzdump', { form: { vmid: 'abc' } });
      expect(bad.body.errors.vmid).toContain('valid VM ID');
    } finally {
      await client.close();
    }
  });
});
