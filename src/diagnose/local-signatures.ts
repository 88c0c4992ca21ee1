import type { SignatureData } from './signature-data.js';

/**
 * Lines proxmox-ai recognises beyond the shared reference: wordings of
 * PVE 9.1, states the reference describes but does not quote, and the common
 * failures of our corpus of real lines (test/fixtures/diagnosis), each from
 * the `die` of the Proxmox source named in its `source` there.
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
  {
    id: 'vcpus-exceed-node',
    category: 'kvm',
    generic: false,
    patterns: ['MAX (?<max>\\d+) vcpus allowed per VM on this node'],
    keyLine: 0,
    cause: 'The VM asks for more virtual CPUs (sockets x cores, or vcpus) than the node has logical CPUs.',
    fix: 'Lower the CPU count to what the node has, e.g. `qm set 100 --sockets 1 --cores 4`, or run the VM on a bigger node.',
    lines: [{ text: 'MAX 8 vcpus allowed per VM on this node', where: 'task-log' }],
  },
  {
    id: 'bridge-not-active',
    category: 'network',
    generic: false,
    patterns: ["bridge '(?<bridge>[^']+)' is not active"],
    keyLine: 0,
    cause:
      'The bridge a NIC uses exists in the network configuration but is down on the node (not applied, or its port went away).',
    fix: 'Bring the bridge up on the node (`ifreload -a`, or `ip link set vmbr0 up`) and check its port, then start the guest again.',
    lines: [{ text: "bridge 'vmbr3' is not active", where: 'task-log' }],
  },
  {
    id: 'nic-mtu-above-bridge',
    category: 'network',
    generic: false,
    patterns: [
      "(?:netdev )?(?<nic>net\\d+): MTU (?:size )?'(?<mtu>\\d+)' is bigger than (?:the )?bridge MTU '(?<bridgeMtu>\\d+)'",
    ],
    keyLine: 0,
    cause: 'A NIC asks for a larger MTU than its bridge carries; Proxmox refuses to start the guest with it.',
    fix: 'Lower the MTU of the NIC (`mtu=1` takes the bridge MTU) or raise the MTU of the bridge and its port on the node.',
    lines: [
      { text: "netdev net0: MTU '9000' is bigger than the bridge MTU '1500'", where: 'task-log' },
      { text: "net0: MTU size '9000' is bigger than bridge MTU '1500'", where: 'task-log' },
    ],
  },
  {
    id: 'vlan-trunks-need-vlan-aware',
    category: 'network',
    generic: false,
    patterns: ['vlan aware feature need to be enabled to use trunks'],
    keyLine: 0,
    cause: 'A NIC carries `trunks=`, but its bridge is not VLAN aware.',
    fix: 'Make the bridge VLAN aware (System > Network, `bridge-vlan-aware yes`, then `ifreload -a`) or remove `trunks` from the NIC.',
    lines: [{ text: 'vlan aware feature need to be enabled to use trunks', where: 'task-log' }],
  },
  {
    id: 'pci-device-assigned-twice',
    category: 'pci',
    generic: false,
    patterns: ["device '(?<pciid>[0-9a-fA-F:.]+)' assigned more than once"],
    keyLine: 0,
    cause: 'Two hostpci entries of the guest name the same host PCI device.',
    fix: 'Remove the duplicate hostpci entry (`qm config 100 | grep hostpci`, then `qm set 100 --delete hostpci1`).',
    lines: [{ text: "device '0000:02:00.0' assigned more than once", where: 'task-log' }],
  },
  {
    id: 'vzdump-hook-script',
    category: 'backup',
    generic: false,
    patterns: ["The hook script '(?<script>[^']+)' (?:is not executable|does not exist)"],
    keyLine: 0,
    cause:
      'The hook script configured for vzdump (`script:` in /etc/vzdump.conf or the job) is missing or not executable.',
    fix: 'Make the hook script executable (`chmod +x`) or remove it from the backup job and /etc/vzdump.conf.',
    lines: [{ text: "Error: The hook script '/usr/local/bin/vzdump-hook.sh' is not executable.", where: 'task-log' }],
  },
  {
    id: 'ct-migrate-needs-restart',
    category: 'migration',
    generic: false,
    patterns: ['running container can only be migrated in restart mode'],
    keyLine: 0,
    cause: 'A running container cannot move live; it has to be stopped, moved and started again.',
    fix: 'Migrate in restart mode: `pct migrate 100 TARGET --restart`, or shut the container down first.',
    lines: [{ text: 'running container can only be migrated in restart mode', where: 'task-log' }],
  },
  {
    id: 'ct-pid-unavailable',
    category: 'lxc',
    generic: false,
    patterns: ['unable to get PID for CT (?<vmid>\\d+) \\(not running\\?\\)'],
    keyLine: 0,
    cause: 'The container has no running init process: it is stopped, or it died during start.',
    fix: 'Check the state with `pct status 100`; if it should run, start it in the foreground to see why it stops: `pct start 100 --debug`.',
    lines: [{ text: 'unable to get PID for CT 620 (not running?)', where: 'api-error' }],
  },
];
