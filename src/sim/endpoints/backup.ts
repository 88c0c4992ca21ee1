import { nextRun, parseCalendarEvent } from '../../proxmox/calendar-event.js';
import { ok, type ApiCall, type Route } from '../api/route.js';
import { requirePrivilege } from '../auth/permission-check.js';
import { runVzdump } from '../guests/vzdump.js';
import { parameterError } from '../server/api-error.js';
import { coveredVmids } from '../state/backup-jobs.js';
import type { GuestState } from '../state/model.js';
import { nodeOf } from './lookup.js';

/** Backup jobs (jobs.cfg), the guests no job covers, and vzdump runs started through the API. */

function jobs({ sim }: ApiCall) {
  const now = sim.cluster.nowSeconds();
  return ok(
    sim.cluster.datacenter.backupJobs.map((job) => {
      const event = parseCalendarEvent(job.schedule);
      const next = job.enabled && event ? nextRun(event, now) : undefined;
      return {
        id: job.id,
        type: 'vzdump',
        schedule: job.schedule,
        storage: job.storage,
        mode: job.mode,
        compress: job.compress,
        enabled: job.enabled ? 1 : 0,
        ...(job.all ? { all: 1 } : { vmid: job.vmids.join(',') }),
        ...(job.exclude.length > 0 ? { exclude: job.exclude.join(',') } : {}),
        ...(job.node ? { node: job.node } : {}),
        ...(job.comment ? { comment: job.comment } : {}),
        'notes-template': '{{guestname}}',
        ...(next !== undefined ? { 'next-run': next } : {}),
      };
    }),
  );
}

/** Guests the caller may audit that no job selects (pve-manager's BackupInfo). */
function notBackedUp({ sim, identity }: ApiCall) {
  const covered = coveredVmids(sim.cluster);
  const items = [...sim.cluster.guests.values()]
    .filter((guest) => !covered.has(guest.vmid) && identity.grants.has(`/vms/${guest.vmid}`, 'VM.Audit'))
    .sort((a, b) => a.vmid - b.vmid)
    .map((guest) => ({ vmid: guest.vmid, type: guest.type, name: guest.name }));
  return ok(items);
}

/**
 * POST /nodes/{node}/vzdump: the node backs up its own guests among those
 * asked for (answering `OK` when none is local), in one worker task.
 */
function vzdump(call: ApiCall) {
  const { sim, params, identity } = call;
  const node = nodeOf(sim.cluster, params.node);
  if (params.vmid === undefined && params.all !== 1 && params.pool === undefined)
    throw parameterError({ vmid: 'property is missing and it is not optional' });
  const guests = selectedGuests(call, node.name);
  const storageId = String(params.storage ?? 'local');
  requirePrivilege(identity, `/storage/${storageId}`, 'Datastore.AllocateSpace');
  for (const guest of guests) requirePrivilege(identity, `/vms/${guest.vmid}`, 'VM.Backup');
  if (guests.length === 0) return ok('OK');
  const mode = (params.mode ?? 'snapshot') as 'snapshot' | 'suspend' | 'stop';
  const compress = String(params.compress ?? '0');
  const startedAt = sim.cluster.now();
  const run = runVzdump(sim.cluster, {
    node,
    guests,
    storageId,
    mode,
    compress,
    commandLine: commandLine(call, node.name),
    startedAt,
    durationMs: sim.taskDurationMs,
  });
  const locked = guests.filter((guest) => guest.lock === null);
  for (const guest of locked) guest.lock = 'backup';
  const task = sim.cluster.tasks.create({
    node: node.name,
    type: 'vzdump',
    id: guests.length === 1 ? String(guests[0]!.vmid) : '',
    user: identity.authid,
    lines: run.lines,
    exitstatus: run.exitstatus,
    durationMs: sim.taskDurationMs,
    onEnd: () => {
      for (const guest of locked) if (guest.lock === 'backup') guest.lock = null;
      const storage = node.storage.get(storageId);
      if (!storage) return;
      for (const archive of run.archives) {
        storage.volumes.push(archive);
        storage.usedBytes = Math.min(storage.totalBytes, storage.usedBytes + archive.sizeBytes);
      }
    },
  });
  return ok(task.upid);
}

function selectedGuests(call: ApiCall, node: string): GuestState[] {
  const { sim, params } = call;
  const local = (guest: GuestState | undefined): guest is GuestState => guest?.node === node;
  if (params.all === 1) {
    const excluded = new Set(listOf(params.exclude));
    return sim.cluster
      .guestsOn(node)
      .filter((guest) => !excluded.has(guest.vmid))
      .sort((a, b) => a.vmid - b.vmid);
  }
  if (params.pool !== undefined) {
    const pool = sim.cluster.datacenter.pools.find((entry) => entry.poolid === params.pool);
    return (pool?.vmids ?? []).map((vmid) => sim.cluster.guests.get(vmid)).filter(local);
  }
  return listOf(params.vmid)
    .map((vmid) => sim.cluster.guests.get(vmid))
    .filter(local);
}

function listOf(value: string | number | undefined): number[] {
  if (value === undefined) return [];
  return String(value)
    .split(/[,;\s]+/)
    .filter((part) => part !== '')
    .map(Number);
}

/** `vzdump 100 101 --mode snapshot --storage local ...`, as PVE::VZDump::Common::command_line prints it. */
function commandLine({ params }: ApiCall, node: string): string {
  const subject = params.all === 1 ? '--all 1' : listOf(params.vmid).join(' ');
  const options = Object.entries(params)
    .filter(([key, value]) => !['vmid', 'all', 'node'].includes(key) && value !== undefined)
    .map(([key, value]) => `--${key} ${String(value)}`);
  return ['vzdump', subject, ...options, '--node', node].filter((part) => part !== '').join(' ');
}

export const backupRoutes: Route[] = [
  { method: 'GET', template: '/cluster/backup', handler: jobs },
  { method: 'GET', template: '/cluster/backup-info', handler: () => ok([{ subdir: 'not-backed-up' }]) },
  { method: 'GET', template: '/cluster/backup-info/not-backed-up', handler: notBackedUp },
  { method: 'POST', template: '/nodes/{node}/vzdump', handler: vzdump },
];
