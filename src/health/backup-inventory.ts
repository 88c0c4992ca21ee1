import { longestGapHours, parseCalendarEvent } from '../proxmox/calendar-event.js';
import type { BackupArchiveFact, BackupFacts, BackupRunFact, GuestFact } from './backup-facts.js';

/** Per guest: its newest backup, the jobs that cover it and how its last backup run ended. */
export interface GuestBackups {
  guest: GuestFact;
  /** Enabled jobs that select it. */
  jobs: string[];
  /** Jobs that select it but are disabled. */
  disabledJobs: string[];
  /** The longest gap between runs of its most frequent enabled job; undefined when no job or no known schedule. */
  intervalHours?: number;
  newest?: BackupArchiveFact;
  /** Hours since the newest backup. */
  ageHours?: number;
  count: number;
  lastRun?: BackupRunFact;
}

export function backupInventory(facts: BackupFacts): GuestBackups[] {
  const notCovered = new Set(facts.notCovered);
  const archivesOf = groupBy(facts.archives, (archive) => archive.vmid);
  const runsOf = groupBy(facts.runs, (run) => run.vmid);
  return facts.guests
    .map((guest) => {
      const covering = notCovered.has(guest.vmid) ? [] : facts.jobs.filter((job) => job.vmids.includes(guest.vmid));
      const enabled = covering.filter((job) => job.enabled);
      const gaps = enabled
        .map((job) => parseCalendarEvent(job.schedule))
        .filter((event) => event !== undefined)
        .map(longestGapHours);
      const archives = archivesOf.get(guest.vmid) ?? [];
      const newest = maxBy(archives, (archive) => archive.ctime);
      const lastRun = maxBy(runsOf.get(guest.vmid) ?? [], (run) => run.starttime);
      return {
        guest,
        jobs: enabled.map((job) => job.id),
        disabledJobs: covering.filter((job) => !job.enabled).map((job) => job.id),
        ...(gaps.length > 0 ? { intervalHours: Math.min(...gaps) } : {}),
        ...(newest ? { newest, ageHours: (facts.now - newest.ctime) / 3600 } : {}),
        count: archives.length,
        ...(lastRun ? { lastRun } : {}),
      };
    })
    .sort((a, b) => a.guest.vmid - b.guest.vmid);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}

function maxBy<T>(items: readonly T[], value: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || value(item) > value(best)) best = item;
  return best;
}
