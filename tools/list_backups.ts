import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import { backupInventory, type GuestBackups } from '../src/health/backup-inventory.js';
import { readBackupFacts } from '../src/health/read-backup-facts.js';
import { readBasics } from '../src/health/read-basics.js';
import { bytes, duration, isoTime, table } from './support/format.js';
import { nodeTarget } from './support/guests.js';
import { nodeSchema, storageSchema, vmidSchema } from './support/schemas.js';

const shown = 40;

export const listBackups = defineTool({
  name: 'list_backups',
  title: 'List backups',
  description:
    'Newest backup per guest (age, size, storage, verified, job, last run) and guests in no job. olderThanHours: only guests without a newer one.',
  input: z
    .object({
      vmid: vmidSchema.optional(),
      node: nodeSchema.optional(),
      storage: storageSchema.optional(),
      olderThanHours: z.coerce.number().min(0).optional(),
    })
    .strict(),
  risk: 'read',
  target: async (args, ctx) => ({ ...nodeTarget(ctx, args.node), ...(args.vmid ? { vmid: args.vmid } : {}) }),
  async run(args, ctx) {
    const call = { signal: ctx.signal };
    const basics = await readBasics(
      ctx.proxmox,
      { storages: true, fallbackNow: ctx.now, ...(args.node ? { node: args.node } : {}) },
      call,
    );
    const guests = basics.guests.filter((guest) => args.vmid === undefined || guest.vmid === args.vmid);
    const facts = await readBackupFacts(ctx.proxmox, { ...basics, guests }, call);
    const archives = facts.archives.filter((archive) => !args.storage || archive.storage === args.storage);
    const entries = backupInventory({ ...facts, archives }).filter(
      (entry) =>
        args.olderThanHours === undefined || entry.ageHours === undefined || entry.ageHours > args.olderThanHours,
    );
    const uncovered = entries.filter((entry) => entry.jobs.length === 0).map((entry) => entry.guest.vmid);
    const failed = entries.filter(lastRunFailed).map((entry) => entry.guest.vmid);
    return {
      text: backupsText(entries, uncovered),
      summary: `${entries.length} guests; ${failed.length} last runs failed; ${uncovered.length} in no job`,
      structured: { guests: entries, uncovered, failed },
    };
  },
});

function lastRunFailed(entry: GuestBackups): boolean {
  return (
    entry.lastRun !== undefined && !entry.lastRun.ok && (!entry.newest || entry.lastRun.starttime > entry.newest.ctime)
  );
}

function backupsText(entries: readonly GuestBackups[], uncovered: readonly number[]): string {
  if (entries.length === 0) return 'no matching guests';
  const rows = entries.slice(0, shown).map((entry) => {
    const { guest, newest } = entry;
    const run = entry.lastRun;
    return [
      guest.vmid,
      guest.name,
      guest.node,
      newest ? isoTime(newest.ctime) : 'NONE',
      newest ? duration(entry.ageHours! * 3600) : '-',
      newest ? bytes(newest.sizeBytes) : '-',
      newest?.storage,
      newest?.verification ?? '-',
      newest?.protected ? 'yes' : 'no',
      entry.jobs.join(',') || (entry.disabledJobs.length > 0 ? 'disabled' : 'NONE'),
      run
        ? lastRunFailed(entry)
          ? `FAILED ${isoTime(run.starttime)}: ${run.error ?? ''}`
          : run.ok
            ? 'ok'
            : 'failed'
        : '-',
    ];
  });
  const lines = [
    table(
      ['VMID', 'NAME', 'NODE', 'NEWEST', 'AGE', 'SIZE', 'STORAGE', 'VERIFIED', 'PROTECTED', 'JOB', 'LAST RUN'],
      rows,
    ),
  ];
  if (entries.length > shown) lines.push(`(${entries.length - shown} more in the structured result)`);
  if (uncovered.length > 0) lines.push(`In no backup job: ${uncovered.join(', ')}`);
  return lines.join('\n');
}
