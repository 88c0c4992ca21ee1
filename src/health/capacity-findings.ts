import type { GuestFact } from './backup-facts.js';
import type { HealthFinding } from './health-finding.js';
import type { StorageTrend } from './storage-trend.js';
import { gib } from './words.js';

const soonDays = 7;

/** Storage full now or within a week at its current growth. */
export function storageFindings(trends: readonly StorageTrend[]): HealthFinding[] {
  return trends.flatMap((trend): HealthFinding[] => {
    const days = trend.daysUntilFull;
    if (days === undefined || days > soonDays) return [];
    const subject = `storage ${trend.storage} on ${trend.node}`;
    const growth = trend.growthPerDay && trend.growthPerDay > 0 ? `, growing ${gib(trend.growthPerDay)} a day` : '';
    return [
      {
        kind: 'capacity',
        id: days === 0 ? 'storage-full' : 'storage-full-soon',
        severity: days === 0 ? 'critical' : 'warning',
        subject,
        summary:
          days === 0
            ? `${subject} is full (${gib(trend.used)} of ${gib(trend.total)}${growth}).`
            : `${subject} will be full in about ${Math.max(1, Math.floor(days))} days (${gib(trend.used)} of ${gib(trend.total)}${growth}).`,
        why:
          trend.type === 'lvmthin'
            ? 'When a thin pool is full, guests writing to it pause with io-error and backups and snapshots on it fail.'
            : 'When a storage is full, writes to it fail: disks, backups, ISOs and logs stop.',
        fix: `Free space on ${trend.storage} (old backups, unused disks, snapshots) or extend it, then find what is growing (storage_trend, list_vms on ${trend.node}).`,
        node: trend.node,
        storage: trend.storage,
      },
    ];
  });
}

/** Nodes whose guests, all started, would need more memory than the node has. */
export function memoryFindings(
  nodes: ReadonlyArray<{ node: string; memoryBytes: number }>,
  guests: ReadonlyArray<GuestFact & { maxmemBytes: number }>,
): HealthFinding[] {
  return nodes.flatMap((node): HealthFinding[] => {
    const mine = guests.filter((guest) => guest.node === node.node && !guest.template);
    const committed = mine.reduce((sum, guest) => sum + guest.maxmemBytes, 0);
    if (node.memoryBytes <= 0 || committed <= node.memoryBytes) return [];
    const biggest = [...mine].sort((a, b) => b.maxmemBytes - a.maxmemBytes).slice(0, 3);
    return [
      {
        kind: 'capacity',
        id: 'memory-overcommitted',
        severity: 'warning',
        subject: `node ${node.node}`,
        summary: `The guests of ${node.node} are configured for ${gib(committed)} of memory, more than its ${gib(node.memoryBytes)} (largest: ${biggest.map((guest) => `${guest.vmid} ${gib(guest.maxmemBytes)}`).join(', ')}).`,
        why: 'They cannot all run at once: starts fail with "Cannot allocate memory", or the host swaps and the OOM killer stops guests.',
        fix: `Lower the memory of the largest guests (\`qm set VMID --memory MiB\`), enable ballooning, or move some to another node.`,
        node: node.node,
      },
    ];
  });
}
