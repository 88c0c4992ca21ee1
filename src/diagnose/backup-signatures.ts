import type { SignatureData } from './signature-data.js';

/**
 * What vzdump writes when a guest's backup fails, beyond the shared
 * reference's generic `Backup of VM N failed` line: the layer that failed.
 */
export const backupSignatures: SignatureData[] = [
  {
    id: 'backup-read-io-error',
    category: 'backup',
    generic: false,
    patterns: ['job failed with err -5 - Input/output error'],
    keyLine: 0,
    cause:
      "QEMU's backup job could not read the guest's disk: its storage answers with I/O errors (a full thin pool in error mode, a failing disk).",
    fix: "Fix the guest's storage (free space in a full thin pool, check the disk), then run the backup again.",
    lines: [{ text: 'ERROR: job failed with err -5 - Input/output error', where: 'task-log' }],
  },
  {
    id: 'backup-target-full',
    category: 'backup',
    generic: false,
    patterns: ['No space left on device', 'job failed with err -28'],
    keyLine: 0,
    cause: 'The backup target ran out of space while the archive was written.',
    fix: 'Free space on the backup storage (prune old backups, lower retention) or back up to a larger one.',
    lines: [
      { text: 'INFO: zstd: error 70 : Write error : cannot write block : No space left on device', where: 'task-log' },
      {
        text: 'ERROR: Backup of VM 100 failed - backup write data failed: command error: write_data upload error: pipelined request failed: No space left on device (os error 28)',
        where: 'task-log',
      },
    ],
  },
  {
    id: 'backup-target-unreachable',
    category: 'backup',
    generic: false,
    patterns: ["could not activate storage '(?<storage>[^']+)': (?<reason>.+)"],
    keyLine: 0,
    cause: 'The backup storage (often a Proxmox Backup Server) could not be reached when the job started.',
    fix: 'Check that the backup server is up and reachable from the node (network, firewall, fingerprint, datastore), then rerun the job.',
    lines: [
      {
        text: "TASK ERROR: could not activate storage 'pbs': pbs: error fetching datastores - 500 Can't connect to 192.168.1.30:8007 (No route to host)",
        where: 'task-log',
      },
    ],
  },
  {
    id: 'backup-wrong-content',
    category: 'backup',
    generic: false,
    patterns: ["can't use storage '(?<storage>[^']+)' for backups - wrong content type"],
    keyLine: 0,
    cause: "The job's target storage is not configured to hold backups.",
    fix: 'Add the backup content type to the storage (`pvesm set STORAGE --content ...,backup`) or point the job at a backup storage.',
    lines: [{ text: "TASK ERROR: can't use storage 'local-lvm' for backups - wrong content type", where: 'task-log' }],
  },
  {
    id: 'backup-snapshot-mode-failed',
    category: 'backup',
    generic: false,
    patterns: ['mode failure - (?<reason>.+)'],
    keyLine: 0,
    cause:
      'Snapshot mode was not possible (a volume on storage without snapshots); vzdump fell back to suspend mode, which pauses the guest.',
    fix: 'Move the volumes to storage with snapshots (LVM-thin, ZFS, Ceph) or set the job to suspend or stop mode on purpose.',
    lines: [{ text: 'INFO: mode failure - some volumes do not support snapshots', where: 'task-log' }],
  },
];
