import type { GuestEvidence } from '../evidence.js';
import { confidenceOf, fact, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { lineEvidence, lines, matchesOf, taskEvidence, type Analyzer } from './analyzer.js';
import { cli, guestShortLabel, list, name } from './words.js';

const summaries: Record<string, string> = {
  'iommu-not-present': 'PCI passthrough needs the IOMMU, which is not enabled on {node}.',
  'vfio-container-setup-failed': 'VFIO could not set up the IOMMU group of a passed-through device on {node}.',
  'pci-vfio-bind-failed': 'A passed-through PCI device could not be bound to vfio-pci on {node}.',
  'mdev-no-instances': 'The GPU on {node} has no free mediated device of the requested type.',
};

/** PCI passthrough failures: is a hostpci device really configured (and the one the line names)? */
export const pciAnalyzer: Analyzer = {
  name: 'pci',
  analyze(input) {
    const ids = Object.keys(summaries);
    const said = matchesOf(input, ...ids);
    const findings = ids.flatMap((id) => {
      const own = said.filter((match) => match.signature.id === id);
      return own.length > 0 ? [pciFinding(input.evidence, id, own)] : [];
    });
    return { findings, claimed: lines(said) };
  },
};

function pciFinding(evidence: GuestEvidence, id: string, said: readonly LineMatch[]): Finding {
  const { guest, node } = evidence;
  const devices = evidence.config?.hostpci ?? [];
  const device = said.find((match) => match.groups.pciid)?.groups.pciid;
  const relevant = device ? devices.filter((entry) => entry.value.includes(device.replace(/^0000:/, ''))) : devices;
  const decisive = relevant.map((entry) => fact('config', `${entry.key}: ${entry.value}`));
  const contradictedBy =
    evidence.config && relevant.length === 0
      ? [`${guestShortLabel(guest)} has no ${device ? `hostpci for ${name(device)}` : 'hostpci device'} configured now`]
      : [];
  const keys = relevant.map((entry) => entry.key);
  const remove = keys[0] ? ` or remove ${list(keys)} (\`${cli(guest)} set ${guest.vmid} --delete ${keys[0]}\`)` : '';
  const fixes: Record<string, string> = {
    'iommu-not-present': `Enable VT-d/AMD-Vi in the firmware of ${node.name} and the IOMMU on its kernel command line (intel_iommu=on for Intel), reboot and check \`dmesg | grep -e DMAR -e IOMMU\`${remove}.`,
    'vfio-container-setup-failed': `Check the IOMMU groups on ${node.name} (\`pvesh get /nodes/${node.name}/hardware/pci --pci-class-blacklist ""\`): every device of the group must go to the VM or be unbound${remove}.`,
    'pci-vfio-bind-failed': `Make sure no host driver holds the device (blacklist it or bind it to vfio-pci at boot) on ${node.name}${remove}.`,
    'mdev-no-instances': `Stop a guest that uses an instance of this type, or choose another mdev type for ${guestShortLabel(guest)}${remove}.`,
  };
  return {
    id,
    category: 'pci',
    confidence: confidenceOf(decisive, contradictedBy),
    summary: summaries[id]!.replace('{node}', node.name),
    evidence: [...lineEvidence(said, 2), ...decisive, ...taskEvidence(evidence, said)],
    contradictedBy,
    fix: fixes[id]!,
  };
}
