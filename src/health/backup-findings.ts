import type { GuestBackups } from './backup-inventory.js';
import type { HealthFinding } from './health-finding.js';
import { age, guestSubject, minuteTime } from './words.js';

/** How much older than its job's interval the newest backup may be before it counts as missed. */
const staleFactor = 1.5;

/** Beyond this many guests with the same finding, one finding names them all. */
const groupAbove = 10;

/** Guests whose backups are missing, stale or failing; templates only ever as info. */
export function backupFindings(inventory: readonly GuestBackups[]): HealthFinding[] {
  const findings = inventory.flatMap((entry) => {
    const finding = findingFor(entry);
    return finding ? [finding] : [];
  });
  const groups = new Map<string, HealthFinding[]>();
  for (const finding of findings) {
    const key = `${finding.id}/${finding.severity}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups.values()].flatMap((group) => (group.length > groupAbove ? [grouped(group)] : group));
}

function grouped(group: readonly HealthFinding[]): HealthFinding {
  const [first] = group;
  const named = group.slice(0, 5).map((finding) => finding.subject);
  return {
    ...first!,
    subject: `${group.length} guests`,
    summary: `${group.length} guests: ${named.join('; ')} and ${group.length - named.length} more (${first!.id}).`,
    fix: first!.fix.replace(String(first!.vmid), 'VMID'),
    vmids: group.map((finding) => finding.vmid!),
    vmid: undefined,
    node: undefined,
  };
}

function findingFor(entry: GuestBackups): HealthFinding | undefined {
  const { guest, newest, lastRun } = entry;
  const base = { kind: 'backup' as const, subject: guestSubject(guest), node: guest.node, vmid: guest.vmid };
  const newestText = newest
    ? `its newest backup is ${age(entry.ageHours!)} old (${minuteTime(newest.ctime)} on ${newest.storage})`
    : 'it has no backup at all';
  const rerun = `\`vzdump ${guest.vmid} --storage ${newest?.storage ?? 'STORAGE'}\` on ${guest.node}`;
  if (lastRun && !lastRun.ok && (!newest || lastRun.starttime > newest.ctime))
    return {
      ...base,
      id: 'backup-failed',
      severity: 'critical',
      summary: `The last backup of ${base.subject} failed at ${minuteTime(lastRun.starttime)}: ${lastRun.error ?? 'job errors'}; ${newestText}.`,
      why: 'Until a backup succeeds, a restore can only go back to the last good one, and the next run may fail the same way.',
      fix: `Call diagnose_vm ${guest.vmid} for the cause, fix it, then rerun ${rerun}.`,
    };
  if (entry.jobs.length === 0) {
    const disabled = entry.disabledJobs.length > 0;
    return {
      ...base,
      id: disabled ? 'backup-job-disabled' : 'backup-no-job',
      severity: guest.template ? 'info' : 'warning',
      summary: disabled
        ? `${base.subject} is only in disabled backup jobs (${entry.disabledJobs.join(', ')}); ${newestText}.`
        : `${base.subject} is in no backup job; ${newestText}.`,
      why: 'No scheduled backup will ever run for it: a failed disk or a bad upgrade loses it.',
      fix: disabled
        ? `Enable the job: \`pvesh set /cluster/backup/${entry.disabledJobs[0]} --enable 1\`.`
        : `Add it to a backup job (Datacenter > Backup, or \`pvesh set /cluster/backup/JOB --vmid ...,${guest.vmid}\`).`,
    };
  }
  const interval = entry.intervalHours;
  if (!newest)
    return {
      ...base,
      id: 'backup-none',
      severity: guest.template ? 'info' : 'warning',
      summary: `${base.subject} is in ${entry.jobs.join(', ')} but has no backup on any storage.`,
      why: 'The job has not produced a restorable copy of it yet.',
      fix: `Check the job's last task log (list_tasks on ${guest.node}, type vzdump), then run ${rerun}.`,
    };
  if (interval !== undefined && entry.ageHours! > interval * staleFactor)
    return {
      ...base,
      id: 'backup-stale',
      severity: guest.template ? 'info' : 'warning',
      summary: `${base.subject}: ${newestText}, though ${entry.jobs.join(', ')} runs every ${age(interval)}.`,
      why: 'Scheduled runs have been missing it; a restore would lose everything since then.',
      fix: `Read the recent vzdump task logs on ${guest.node} (list_tasks, read_task_log) and run ${rerun}.`,
    };
  return undefined;
}
