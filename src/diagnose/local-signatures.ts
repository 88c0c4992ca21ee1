import type { SignatureData } from './signature-data.js';

/**
 * Lines proxmox-ai recognises beyond the shared reference: wordings of
 * PVE 9.1 and of states the reference describes but does not quote.
 */
export const localSignatures: SignatureData[] = [
  {
    id: 'guest-agent-timeout',
    category: 'guest-agent',
    generic: false,
    // From PVE 9.1 agent commands say `qga`; before, `qmp` with a guest-* command.
    patterns: ["VM (?<vmid>\\d+) (?:qmp|qga) command '(?<cmd>guest-[\\w-]+)' failed - (?<err>.+)"],
    keyLine: 0,
    cause:
      'The QEMU guest agent is configured and the VM runs, but the agent inside it does not answer (not installed, not started, or the guest is hung or paused).',
    fix: 'Install and start qemu-guest-agent inside the guest, or disable the agent option if it is not used.',
    lines: [{ text: "VM 100 qga command 'guest-ping' failed - got timeout", where: 'api-error' }],
  },
  {
    id: 'storage-disabled',
    category: 'storage',
    generic: false,
    patterns: ["storage '(?<storage>[^']+)' is disabled"],
    keyLine: 0,
    cause: 'The storage holding a guest volume is disabled in the datacenter storage configuration.',
    fix: 'Enable the storage in Datacenter > Storage (`pvesm set STORAGE --disable 0`) or move the volume to another storage.',
    lines: [{ text: "storage 'nfs-archive' is disabled", where: 'task-log' }],
  },
  {
    id: 'thin-pool-full',
    category: 'storage',
    generic: false,
    patterns: ['Thin pool (?<pool>\\S+) data is now (?<percent>[\\d.]+)% full'],
    keyLine: 0,
    cause: 'LVM warns that the thin pool is (nearly) out of data space; guests writing to it pause with io-error.',
    fix: 'Free space in the thin pool (remove unused volumes or snapshots) or extend it with `lvextend`.',
    lines: [{ text: 'lvm[612]: WARNING: Thin pool pve-data-tpool data is now 100.00% full.', where: 'journal' }],
  },
];
