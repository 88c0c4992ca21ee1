import type { CallOptions, ProxmoxApi } from '../core/ports/proxmox-api.js';
import { mapLimited } from '../diagnose/map-limited.js';
import type { BackupJob, GuestResource, TaskSummary } from '../proxmox/schemas/index.js';
import type { ClusterBasics, NodeStorages } from './read-basics.js';
import type { BackupArchiveFact, BackupFacts, BackupJobFact, BackupRunFact, GuestFact } from './backup-facts.js';

/** How many vzdump task lists entries per node are read, and how many failed logs per node. */
const recentTasks = 100;
const failedLogsPerNode = 4;

/** Reads guests, jobs, backups on every backup storage and the recent vzdump runs of the online nodes. */
export async function readBackupFacts(
  api: ProxmoxApi,
  { now, guests, storages }: Pick<ClusterBasics, 'now' | 'guests' | 'storages'>,
  options: CallOptions,
): Promise<BackupFacts> {
  const jobs = await api.cluster.backupJobs(options);
  const [uncovered, archives, runs] = await Promise.all([
    // Without jobs every guest is uncovered; with some, Proxmox's own answer counts (pools, node limits).
    jobs.length === 0 ? guests : api.cluster.notBackedUp(options),
    readArchives(api, storages, options),
    mapLimited(storages, 4, ({ node }) => readRuns(api, node, options)),
  ]);
  return {
    now,
    guests: guests.map(guestFact),
    jobs: jobs.map((job) => jobFact(job, guests)),
    notCovered: uncovered.map((guest) => guest.vmid),
    archives,
    runs: runs.flat(),
  };
}

export function guestFact(guest: GuestResource): GuestFact {
  return {
    vmid: guest.vmid,
    type: guest.type,
    name: guest.name ?? '',
    node: guest.node,
    template: guest.template === true,
    tags: guest.tags ?? [],
  };
}

function jobFact(job: BackupJob, guests: readonly GuestResource[]): BackupJobFact {
  const listed = (text: string | undefined) =>
    (text ?? '')
      .split(/[,;\s]+/)
      .filter((part) => /^\d+$/.test(part))
      .map(Number);
  const excluded = new Set(listed(job.exclude));
  const onNode = (guest: GuestResource) => job.node === undefined || guest.node === job.node;
  const vmids = job.all
    ? guests.filter((guest) => onNode(guest) && !excluded.has(guest.vmid)).map((guest) => guest.vmid)
    : job.pool !== undefined
      ? guests.filter((guest) => guest.pool === job.pool && onNode(guest)).map((guest) => guest.vmid)
      : listed(job.vmid);
  return {
    id: job.id,
    enabled: job.enabled !== false,
    schedule: job.schedule ?? '',
    storage: job.storage ?? 'local',
    vmids,
  };
}

/** Backups on every active storage that holds them; a shared storage is read once. */
async function readArchives(
  api: ProxmoxApi,
  perNode: readonly NodeStorages[],
  options: CallOptions,
): Promise<BackupArchiveFact[]> {
  const seen = new Set<string>();
  const reads: Array<{ node: string; storage: string }> = [];
  for (const { node, storages } of perNode) {
    for (const storage of storages) {
      if (!storage.active || !(storage.content ?? []).includes('backup')) continue;
      if (storage.shared && seen.has(storage.storage)) continue;
      seen.add(storage.storage);
      reads.push({ node, storage: storage.storage });
    }
  }
  const lists = await mapLimited(reads, 8, async ({ node, storage }) =>
    (await api.storage.content(node, storage, { content: 'backup' }, options)).flatMap((volume) =>
      volume.vmid === undefined
        ? []
        : [
            {
              vmid: volume.vmid,
              node,
              storage,
              volid: volume.volid,
              ctime: volume.ctime ?? 0,
              sizeBytes: volume.size,
              protected: volume.protected === true,
              verification: verificationOf(volume.verification),
            },
          ],
    ),
  );
  return lists.flat();
}

function verificationOf(value: { state?: string } | undefined): 'ok' | 'failed' | null {
  return value?.state === 'ok' ? 'ok' : value?.state === 'failed' ? 'failed' : null;
}

/**
 * Each guest's newest vzdump result on the node. A single-guest task says it
 * in its status; the log of a failed run (the newest few) says which guests
 * failed and why.
 */
async function readRuns(api: ProxmoxApi, node: string, options: CallOptions): Promise<BackupRunFact[]> {
  const page = await api.nodes.tasks(node, { typefilter: 'vzdump', limit: recentTasks }, options);
  const runs: BackupRunFact[] = [];
  const failed = page.data.filter((task) => task.status !== undefined && !succeeded(task)).slice(0, failedLogsPerNode);
  const logs = new Map(
    await mapLimited(failed, 4, async (task) => [task.upid, await readLog(api, task.upid, options)] as const),
  );
  for (const task of page.data) {
    if (task.status === undefined) continue;
    const log = logs.get(task.upid);
    if (log) runs.push(...runsFromLog(task, node, log));
    else if (/^\d+$/.test(task.id))
      runs.push({
        vmid: Number(task.id),
        node,
        upid: task.upid,
        starttime: task.starttime,
        ok: succeeded(task),
        ...(succeeded(task) ? {} : { error: task.status }),
      });
  }
  return runs;
}

function succeeded(task: TaskSummary): boolean {
  return task.status === 'OK' || /^WARNINGS: \d+$/.test(task.status ?? '');
}

async function readLog(api: ProxmoxApi, upid: string, options: CallOptions): Promise<string[]> {
  const page = await api.tasks.log(upid, { start: 0, limit: 500 }, options);
  return page.data.map((line) => line.t);
}

const failedLine = /^ERROR: Backup of VM (\d+) failed - (.+)$/;
const finishedLine = /^INFO: Finished Backup of VM (\d+) /;

function runsFromLog(task: TaskSummary, node: string, log: readonly string[]): BackupRunFact[] {
  const runs = new Map<number, BackupRunFact>();
  const base = { node, upid: task.upid, starttime: task.starttime };
  for (const line of log) {
    const failed = failedLine.exec(line);
    if (failed) runs.set(Number(failed[1]), { ...base, vmid: Number(failed[1]), ok: false, error: failed[2]! });
    const finished = finishedLine.exec(line);
    if (finished) runs.set(Number(finished[1]), { ...base, vmid: Number(finished[1]), ok: true });
  }
  if (runs.size === 0 && /^\d+$/.test(task.id))
    runs.set(Number(task.id), { ...base, vmid: Number(task.id), ok: false, error: task.status ?? 'job errors' });
  return [...runs.values()];
}
