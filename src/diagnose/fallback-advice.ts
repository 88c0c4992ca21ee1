import type { GuestFacts } from './evidence.js';
import type { Category } from './finding.js';
import { cli, guestShortLabel } from './analyzers/words.js';

/** Where to look next, per category, for failures no signature describes. */
export function adviceFor(category: Category, guest: GuestFacts): string {
  const label = guestShortLabel(guest);
  const tool = cli(guest);
  const id = guest.vmid;
  const node = guest.node;
  const advice: Record<Category, string> = {
    network: `Check the NICs of ${label} and the bridges of ${node} (\`ip -d link\`, /etc/network/interfaces), then retry.`,
    memory: `Compare the memory of ${label} with what ${node} has free (\`free -h\`), then retry.`,
    lock: `Check \`${tool} config ${id}\` for a lock line and whether a task still holds it.`,
    storage: `Check the storages of ${label} on ${node} (\`pvesm status\`) and the kernel log for disk errors (\`journalctl -k\`).`,
    kvm: `Check the CPU type of ${label} and the virtualisation support of ${node} (\`ls -l /dev/kvm\`).`,
    pci: `Check the hostpci devices of ${label} and the IOMMU groups of ${node}.`,
    boot: `Check the firmware, EFI disk and boot order of ${label} (\`${tool} config ${id}\`).`,
    template: `Check whether ${label} is a template (\`${tool} config ${id}\`).`,
    cluster: `Check the cluster from ${node}: \`pvecm status\` and \`systemctl status pve-cluster corosync\`.`,
    ha: `Check \`ha-manager status\` for ${label}.`,
    'guest-agent': `Check the guest agent inside ${label} (\`systemctl status qemu-guest-agent\`).`,
    qmp: `Check whether QEMU of ${label} answers (\`qm monitor ${id}\`, then \`info status\`).`,
    timeout: `Find what kept ${label} or ${node} busy, then retry with a longer timeout.`,
    'cloud-init': `Check the cloud-init settings of ${label} (\`qm cloudinit dump ${id} user\`) and its snippets.`,
    permission: 'Check the privileges of the user or token with `pveum user permissions USER`.',
    proxy: `Check that ${node} is online and reachable from the other nodes (\`pvecm status\`).`,
    backup: `Read the whole backup log of ${label} and check the backup storage.`,
    migration: `Read the whole migration log of ${label} and check SSH between the nodes (\`pvecm updatecerts\`).`,
    lxc: `Start ${label} in the foreground to see the first error: \`pct start ${id} --debug\`.`,
    ceph: 'Check the Ceph cluster: `ceph -s` and `ceph health detail`.',
    other: `Read the whole task log of ${label} and the journal of ${node} around the failure.`,
  };
  return advice[category];
}
