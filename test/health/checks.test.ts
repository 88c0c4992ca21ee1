import { describe, expect, it } from 'vitest';
import type { BackupFacts, GuestFact } from '../../src/health/backup-facts.js';
import { backupFindings } from '../../src/health/backup-findings.js';
import { backupInventory } from '../../src/health/backup-inventory.js';
import { memoryFindings, storageFindings } from '../../src/health/capacity-findings.js';
import { isSecurityUpdate, postureFindings, type PostureFacts } from '../../src/health/posture-findings.js';
import { atLeast, mostSevereFirst } from '../../src/health/severity.js';
import { storageTrend } from '../../src/health/storage-trend.js';

const GiB = 1024 ** 3;
const day = 86_400;
const now = 1_800_000_000;

function guest(vmid: number, extra: Partial<GuestFact> = {}): GuestFact {
  return { vmid, type: 'qemu', name: `g${vmid}`, node: 'pve1', template: false, tags: [], ...extra };
}

describe('severities', () => {
  it('orders critical, warning, info and keeps order within one', () => {
    const items = [
      { severity: 'info' as const, n: 1 },
      { severity: 'critical' as const, n: 2 },
      { severity: 'warning' as const, n: 3 },
      { severity: 'critical' as const, n: 4 },
    ];
    expect(mostSevereFirst(items).map((item) => item.n)).toEqual([2, 4, 3, 1]);
    expect(atLeast('warning', 'critical')).toBe(false);
    expect(atLeast('critical', 'warning')).toBe(true);
  });
});

describe('backup findings', () => {
  const facts = (patch: Partial<BackupFacts>): BackupFacts => ({
    now,
    guests: [guest(100)],
    jobs: [{ id: 'nightly', enabled: true, schedule: '01:00', storage: 'local', vmids: [100] }],
    notCovered: [],
    archives: [],
    runs: [],
    ...patch,
  });
  const archive = (ageDays: number) => ({
    vmid: 100,
    node: 'pve1',
    storage: 'local',
    volid: `local:backup/x-${ageDays}`,
    ctime: now - ageDays * day,
    sizeBytes: GiB,
    protected: false,
    verification: null,
  });

  it('finds nothing for a guest backed up within its interval', () => {
    expect(backupFindings(backupInventory(facts({ archives: [archive(1)] })))).toEqual([]);
  });

  it('flags a guest in a job without any backup, and only disabled jobs', () => {
    expect(backupFindings(backupInventory(facts({})))[0]).toMatchObject({ id: 'backup-none', severity: 'warning' });
    const disabled = facts({
      jobs: [{ id: 'old', enabled: false, schedule: '01:00', storage: 'local', vmids: [100] }],
    });
    expect(backupFindings(backupInventory(disabled))[0]).toMatchObject({ id: 'backup-job-disabled' });
  });

  it('keeps templates at info and trusts Proxmox on which guests no job covers', () => {
    const template = facts({ guests: [guest(100, { template: true })], notCovered: [100] });
    expect(backupFindings(backupInventory(template))[0]).toMatchObject({ id: 'backup-no-job', severity: 'info' });
  });

  it('calls a weekly job stale only after one and a half weeks', () => {
    const weekly = { jobs: [{ id: 'weekly', enabled: true, schedule: 'sun 02:00', storage: 'local', vmids: [100] }] };
    expect(backupFindings(backupInventory(facts({ ...weekly, archives: [archive(9)] })))).toEqual([]);
    expect(backupFindings(backupInventory(facts({ ...weekly, archives: [archive(11)] })))[0]).toMatchObject({
      id: 'backup-stale',
    });
  });

  it('puts a failed last run first as critical, but not one older than a good backup', () => {
    const run = { vmid: 100, node: 'pve1', upid: 'UPID:x', ok: false, error: 'boom' };
    const failed = facts({ archives: [archive(2)], runs: [{ ...run, starttime: now - day }] });
    expect(backupFindings(backupInventory(failed))[0]).toMatchObject({ id: 'backup-failed', severity: 'critical' });
    const recovered = facts({ archives: [archive(1)], runs: [{ ...run, starttime: now - 2 * day }] });
    expect(backupFindings(backupInventory(recovered))).toEqual([]);
  });
});

describe('storage trend and capacity', () => {
  const storage = { node: 'pve1', storage: 'tank', type: 'zfspool', used: 500 * GiB, total: 1000 * GiB };
  const week = (perDay: number) =>
    Array.from({ length: 8 }, (_, index) => ({
      time: now - (7 - index) * day,
      used: (500 - perDay * (7 - index)) * GiB,
    }));

  it('fits growth per day and the days until full', () => {
    const trend = storageTrend(storage, week(100));
    expect(trend.growthPerDay! / GiB).toBeCloseTo(100, 5);
    expect(trend.daysUntilFull).toBeCloseTo(5, 5);
    expect(storageFindings([trend])[0]).toMatchObject({ id: 'storage-full-soon', severity: 'warning' });
  });

  it('calls a flat or shrinking storage not growing, and a full one full now', () => {
    expect(storageTrend(storage, week(0)).daysUntilFull).toBeUndefined();
    expect(storageTrend(storage, week(-5)).growthPerDay).toBeLessThan(0);
    expect(storageTrend(storage, [])).not.toHaveProperty('growthPerDay');
    const full = storageTrend({ ...storage, used: 995 * GiB }, week(1));
    expect(full.daysUntilFull).toBe(0);
    expect(storageFindings([full])[0]).toMatchObject({ id: 'storage-full', severity: 'critical' });
    expect(storageFindings([storageTrend(storage, week(10))])).toEqual([]);
  });

  it('warns when a node cannot run all its guests at once, templates aside', () => {
    const guests = [
      { ...guest(100), maxmemBytes: 40 * GiB },
      { ...guest(101), maxmemBytes: 30 * GiB },
      { ...guest(105, { template: true }), maxmemBytes: 60 * GiB },
    ];
    expect(memoryFindings([{ node: 'pve1', memoryBytes: 64 * GiB }], guests)[0]).toMatchObject({
      id: 'memory-overcommitted',
      summary: expect.stringContaining('70 GiB'),
    });
    expect(memoryFindings([{ node: 'pve1', memoryBytes: 128 * GiB }], guests)).toEqual([]);
  });
});

describe('posture findings', () => {
  const base: PostureFacts = { firewallEnabled: true, accounts: [], containers: [], prodGuests: [], updates: [] };

  it('finds nothing on a hardened cluster', () => {
    const hardened: PostureFacts = {
      ...base,
      accounts: [{ userid: 'root@pam', enabled: true, secondFactor: true, admin: true, tokens: [] }],
      containers: [{ ...guest(200, { type: 'lxc' }), unprivileged: true }],
      prodGuests: [{ ...guest(100, { tags: ['prod'] }), protection: true }],
    };
    expect(postureFindings(hardened)).toEqual([]);
  });

  it('flags tokens without privilege separation and admins without a second factor, not plain users', () => {
    const findings = postureFindings({
      ...base,
      accounts: [
        {
          userid: 'ops@pve',
          enabled: true,
          secondFactor: false,
          admin: true,
          tokens: [{ tokenid: 'ci', privsep: false }],
        },
        { userid: 'viewer@pve', enabled: true, secondFactor: false, admin: false, tokens: [] },
      ],
    });
    expect(findings.map((finding) => [finding.id, finding.subject])).toEqual([
      ['user-without-tfa', 'user ops@pve'],
      ['token-without-privsep', 'token ops@pve!ci'],
    ]);
    expect(findings[1]!.fix).toContain('--privsep 1');
  });

  it('flags privileged containers and the firewall off; an unreadable firewall is not a finding', () => {
    const findings = postureFindings({
      ...base,
      firewallEnabled: false,
      containers: [{ ...guest(201, { type: 'lxc' }), unprivileged: false }],
    });
    expect(findings.map((finding) => finding.id)).toEqual(['firewall-off', 'privileged-container']);
    const { firewallEnabled: _unread, ...unknown } = base;
    expect(postureFindings(unknown)).toEqual([]);
  });

  it('calls out Debian security updates', () => {
    expect(isSecurityUpdate({ package: 'openssl', version: '3.5.4-1~deb13u2', origin: 'Debian' })).toBe(true);
    expect(isSecurityUpdate({ package: 'pve-manager', version: '9.1.10', origin: 'Proxmox' })).toBe(false);
    const plain = postureFindings({
      ...base,
      updates: [{ node: 'pve1', packages: [{ package: 'pve-manager', version: '9.1.10', origin: 'Proxmox' }] }],
    });
    expect(plain[0]).toMatchObject({ id: 'updates-pending', severity: 'info' });
  });
});
