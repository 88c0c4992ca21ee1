import type { Cluster } from '../state/cluster.js';
import { guestDisks } from '../state/guest-config.js';
import type { GuestState, NodeState, StorageState, VolumeState } from '../state/model.js';
import { onFullThinPool } from './transitions.js';

/** What a vzdump run on one node does: its log lines, its exit status and the archives it leaves. */

export interface VzdumpRequest {
  node: NodeState;
  guests: GuestState[];
  storageId: string;
  mode: 'snapshot' | 'suspend' | 'stop';
  compress: string;
  /** The command line the log's first line shows. */
  commandLine: string;
  /** Sim-clock ms. */
  startedAt: number;
  durationMs: number;
}

export interface VzdumpRun {
  lines: string[];
  exitstatus: string;
  /** Archives written, added to the storage when the task ends. */
  archives: VolumeState[];
}

const GiB = 1024 ** 3;
const snapshotCapable = new Set(['lvmthin', 'zfspool', 'rbd', 'btrfs', 'cephfs']);

export function runVzdump(cluster: Cluster, request: VzdumpRequest): VzdumpRun {
  const { node } = request;
  const header = `INFO: starting new backup job: ${request.commandLine}`;
  const storage = node.storage.get(request.storageId);
  const refusal = storageRefusal(request.storageId, storage);
  if (refusal) return { lines: [header], exitstatus: refusal, archives: [] };
  const lines = [header];
  const archives: VolumeState[] = [];
  let failed = false;
  const step = request.durationMs / Math.max(1, request.guests.length);
  request.guests.forEach((guest, index) => {
    const start = request.startedAt + step * index;
    const result = backupGuest(cluster, request, storage!, guest, start, start + step);
    lines.push(...result.lines);
    if (result.archive) archives.push(result.archive);
    else failed = true;
  });
  lines.push(failed ? 'INFO: Backup job finished with errors' : 'INFO: Backup job finished successfully');
  return { lines, exitstatus: failed ? 'job errors' : 'OK', archives };
}

function storageRefusal(id: string, storage: StorageState | undefined): string | undefined {
  if (!storage) return `storage '${id}' does not exist`;
  if (!storage.content.includes('backup')) return `can't use storage '${id}' for backups - wrong content type`;
  if (!storage.enabled) return `storage '${id}' is disabled`;
  if (storage.active) return undefined;
  if (storage.type === 'pbs')
    return `could not activate storage '${id}': ${id}: error fetching datastores - 500 Can't connect to 192.168.1.30:8007 (No route to host)`;
  return `unable to activate storage '${id}' - directory '/mnt/pve/${id}' does not exist or is unreachable`;
}

function backupGuest(
  cluster: Cluster,
  request: VzdumpRequest,
  storage: StorageState,
  guest: GuestState,
  startMs: number,
  endMs: number,
): { lines: string[]; archive?: VolumeState } {
  const kind = guest.type === 'qemu' ? 'qemu' : 'lxc';
  const noun = guest.type === 'qemu' ? 'VM' : 'CT';
  const stamp = fileStamp(startMs);
  const extension = `${kind === 'qemu' ? 'vma' : 'tar'}${compressExtension(request.compress)}`;
  const volname =
    storage.type === 'pbs' ? pbsName(guest, startMs) : `backup/vzdump-${kind}-${guest.vmid}-${stamp}.${extension}`;
  const lines = [`INFO: Starting Backup of VM ${guest.vmid} (${kind})`, `INFO: Backup started at ${logTime(startMs)}`];
  const fail = (reason: string, ...before: string[]) => ({
    lines: [
      ...lines,
      ...before,
      `ERROR: Backup of VM ${guest.vmid} failed - ${reason}`,
      `INFO: Failed at ${logTime(endMs)}`,
    ],
  });
  if (guest.lock) return fail(`${noun} is locked (${guest.lock})`);
  lines.push(`INFO: status = ${guest.running ? 'running' : 'stopped'}`);
  const disks = guestDisks(guest.type, guest.config).filter((disk) => !disk.cdrom);
  if (kind === 'qemu') {
    lines.push(`INFO: VM Name: ${guest.name}`);
    for (const disk of disks) lines.push(`INFO: include disk '${disk.key}' '${disk.volid}' ${gibText(disk.sizeBytes)}`);
  } else {
    lines.push(`INFO: CT Name: ${guest.name}`);
    for (const disk of disks)
      lines.push(
        `INFO: including mount point ${disk.key} ('${disk.key === 'rootfs' ? '/' : `/${disk.key}`}') in backup`,
      );
  }
  let mode = request.mode;
  if (
    kind === 'lxc' &&
    mode === 'snapshot' &&
    disks.some((disk) => !snapshotCapable.has(storageType(cluster, guest, disk.storage)))
  ) {
    lines.push('INFO: mode failure - some volumes do not support snapshots', "INFO: trying 'suspend' mode instead");
    mode = 'suspend';
  }
  lines.push(`INFO: backup mode: ${mode}`, 'INFO: ionice priority: 7');
  const target =
    storage.type === 'pbs'
      ? `${storage.id}:${volname}`
      : `/var/lib/vz/dump/vzdump-${kind}-${guest.vmid}-${stamp}.${extension}`;
  lines.push(
    `INFO: creating ${storage.type === 'pbs' ? 'Proxmox Backup Server archive' : 'vzdump archive'} '${target}'`,
  );
  const total = disks.reduce((sum, disk) => sum + disk.sizeBytes, 0);
  const archiveBytes = Math.round(total * (kind === 'qemu' ? 0.18 : 0.3));
  if (kind === 'qemu' && guest.running && guest.qmpstatus === 'io-error' && onFullThinPool(cluster, guest))
    return fail(
      'job failed with err -5 - Input/output error',
      `INFO:   0% (${gibText(Math.min(total, 1.1 * GiB))} of ${gibText(total)}) in 3s, read: 372.1 MiB/s, write: 121.4 MiB/s`,
      'ERROR: job failed with err -5 - Input/output error',
      'INFO: aborting backup job',
    );
  if (storage.totalBytes - storage.usedBytes < archiveBytes)
    return fail(
      kind === 'qemu' ? 'vma_queue_write: write error - Broken pipe' : `command 'tar' failed: exit code 70`,
      'INFO: zstd: error 70 : Write error : cannot write block : No space left on device',
      ...(kind === 'qemu' ? ['ERROR: vma_queue_write: write error - Broken pipe', 'INFO: aborting backup job'] : []),
    );
  const seconds = Math.max(1, Math.round((endMs - startMs) / 1000));
  lines.push(
    `INFO: transferred ${(total / GiB).toFixed(2)} GiB in ${seconds} seconds`,
    `INFO: archive file size: ${(archiveBytes / 1e9).toFixed(2)}GB`,
    `INFO: Finished Backup of VM ${guest.vmid} (${duration(seconds)})`,
    `INFO: Backup finished at ${logTime(endMs)}`,
  );
  return {
    lines,
    archive: {
      volid: `${storage.id}:${volname}`,
      content: 'backup',
      format: storage.type === 'pbs' ? `pbs-${kind === 'qemu' ? 'vm' : 'ct'}` : extension,
      vmid: guest.vmid,
      sizeBytes: archiveBytes,
      ctime: Math.floor(startMs / 1000),
      notes: guest.name,
      protected: false,
      verification: null,
    },
  };
}

function storageType(cluster: Cluster, guest: GuestState, storageId: string): string {
  return cluster.nodes.get(guest.node)?.storage.get(storageId)?.type ?? 'dir';
}

function compressExtension(compress: string): string {
  return { zstd: '.zst', gzip: '.gz', lzo: '.lzo', '1': '.lzo' }[compress] ?? '';
}

function pbsName(guest: GuestState, ms: number): string {
  return `backup/${guest.type === 'qemu' ? 'vm' : 'ct'}/${guest.vmid}/${new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
}

const two = (value: number) => String(value).padStart(2, '0');

/** `2026-11-20 01:30:02`, the nodes' local time (UTC here). */
function logTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** `2026_11_20-01_30_02`, as vzdump names archives. */
function fileStamp(ms: number): string {
  return logTime(ms).replace(/-/g, '_').replace(' ', '-').replace(/:/g, '_');
}

function duration(seconds: number): string {
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

function gibText(bytes: number): string {
  const gib = bytes / GiB;
  return Number.isInteger(gib) ? `${gib}G` : `${gib.toFixed(1)}G`;
}
