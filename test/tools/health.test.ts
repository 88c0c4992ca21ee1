import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuestBackups } from '../../src/health/backup-inventory.js';
import type { ClusterReport } from '../../src/health/check-cluster.js';
import type { StorageTrend } from '../../src/health/storage-trend.js';
import { ScriptedApprover, startPipeline } from '../../harness/pipeline.js';

type Pipeline = Awaited<ReturnType<typeof startPipeline>>;
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline({ approver: new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' })) });
});
afterAll(() => pipeline.close());

const GiB = 1024 ** 3;

describe('list_backups on the demo', () => {
  it("shows 103's failed backup, 200's 9-day-old one and 104 in no job", async () => {
    const outcome = await pipeline.call('list_backups', {});
    expect(outcome.status).toBe('ok');
    expect(outcome.text).toMatch(
      /103\s+files-01\s+pve2.*FAILED 2026-11-20T01:48:04Z: job failed with err -5 - Input\/output error/,
    );
    expect(outcome.text).toMatch(/200\s+dns\s+pve2\s+2026-11-11T01:00:03Z\s+9d1h/);
    expect(outcome.text).toContain('In no backup job: 104');
    const { guests, uncovered, failed } = outcome.structured as {
      guests: GuestBackups[];
      uncovered: number[];
      failed: number[];
    };
    expect(uncovered).toEqual([104]);
    expect(failed).toEqual([102, 103]);
    expect(guests.find((entry) => entry.guest.vmid === 101)).toMatchObject({
      jobs: ['backup-nightly'],
      intervalHours: 24,
      count: 2,
      newest: { volid: 'local:backup/vzdump-qemu-101-2026_11_19-01_00_05.vma.zst', protected: false },
    });
  });

  it('filters by guest, node, storage and age', async () => {
    const one = await pipeline.call('list_backups', { vmid: 200 });
    expect((one.structured as { guests: GuestBackups[] }).guests.map((entry) => entry.guest.vmid)).toEqual([200]);
    const old = await pipeline.call('list_backups', { olderThanHours: 48 });
    expect((old.structured as { guests: GuestBackups[] }).guests.map((entry) => entry.guest.vmid)).toEqual([104, 200]);
    const pve1 = await pipeline.call('list_backups', { node: 'pve1', storage: 'local' });
    expect((pve1.structured as { guests: GuestBackups[] }).guests.map((entry) => entry.guest.vmid)).toEqual([
      100, 101, 104, 105,
    ]);
    const elsewhere = await pipeline.call('list_backups', { storage: 'nfs-backup' });
    expect((elsewhere.structured as { guests: GuestBackups[] }).guests.every((entry) => !entry.newest)).toBe(true);
  });
});

describe('storage_trend on the demo', () => {
  it('says pve2 local-lvm is full now after growing 6 GiB a day, and when pve1 local-lvm fills', async () => {
    const outcome = await pipeline.call('storage_trend', {});
    expect(outcome.text).toMatch(/pve2\s+local-lvm\s+lvmthin\s+100%\s+349G\/349G\s+\+6\.0G\/day\s+full now/);
    expect(outcome.text).toMatch(/pve1\s+local-lvm\s+lvmthin\s+25%.*\+3\.5G\/day\s+in 17\d days/);
    expect(outcome.text).toMatch(/pve2\s+local\s+dir.*not growing/);
    const { storages } = outcome.structured as { storages: StorageTrend[] };
    const pve2 = storages.find((trend) => trend.node === 'pve2' && trend.storage === 'local-lvm')!;
    expect(pve2.daysUntilFull).toBe(0);
    expect(pve2.growthPerDay! / GiB).toBeCloseTo(6, 0);
  });

  it('keeps to one storage of one node', async () => {
    const outcome = await pipeline.call('storage_trend', { node: 'pve1', storage: 'local-lvm' });
    expect((outcome.structured as { storages: StorageTrend[] }).storages).toHaveLength(1);
  });
});

describe('find_problems on the demo', () => {
  it('keeps nodes and guests and adds backups, capacity and posture with severities, most severe first', async () => {
    const outcome = await pipeline.call('find_problems', {});
    const report = outcome.structured as unknown as ClusterReport;
    expect(report.guests.map((guest) => guest.vmid).sort()).toEqual([101, 102, 103, 104]);
    expect(report.nodes).toEqual([expect.objectContaining({ node: 'pve2', severity: 'critical' })]);
    expect(report.backups.map((finding) => [finding.id, finding.vmid, finding.severity])).toEqual([
      ['backup-failed', 102, 'critical'],
      ['backup-failed', 103, 'critical'],
      ['backup-no-job', 104, 'warning'],
      ['backup-stale', 200, 'warning'],
    ]);
    expect(report.capacity.map((finding) => [finding.id, finding.subject, finding.severity])).toEqual([
      ['storage-full', 'storage local-lvm on pve2', 'critical'],
      ['memory-overcommitted', 'node pve1', 'warning'],
    ]);
    expect(report.posture.map((finding) => [finding.id, finding.severity])).toEqual([
      ['firewall-off', 'warning'],
      ['user-without-tfa', 'warning'],
      ['security-updates', 'warning'],
      ['prod-unprotected', 'info'],
    ]);
    for (const finding of [...report.backups, ...report.capacity, ...report.posture]) {
      expect(finding.why.length).toBeGreaterThan(20);
      expect(finding.fix.length).toBeGreaterThan(20);
    }
    expect(report.posture.find((finding) => finding.id === 'security-updates')!.summary).toContain('openssl');
    const severities = outcome.text.split('\n').flatMap((line) => /^- \[(\w+)\]/.exec(line)?.[1] ?? []);
    expect(severities).toEqual([...severities].sort((a, b) => rank(a) - rank(b)));
    expect(severities[0]).toBe('critical');
  });

  it('filters by minimum severity and kinds', async () => {
    const critical = (await pipeline.call('find_problems', { severity: 'critical' }))
      .structured as unknown as ClusterReport;
    expect(critical.posture).toEqual([]);
    expect(critical.guests.map((guest) => guest.vmid).sort()).toEqual([102, 103]);
    const posture = (await pipeline.call('find_problems', { kinds: ['posture'] }))
      .structured as unknown as ClusterReport;
    expect(posture).toMatchObject({ nodes: [], guests: [], backups: [], capacity: [] });
    expect(posture.posture.length).toBe(4);
  });

  it('refuses an unknown kind with the valid ones named', async () => {
    const outcome = await pipeline.call('find_problems', { kinds: ['weather'] });
    expect(outcome.status).not.toBe('ok');
    expect(outcome.text).toContain('posture');
  });
});

function rank(severity: string): number {
  return ['critical', 'warning', 'info'].indexOf(severity);
}
