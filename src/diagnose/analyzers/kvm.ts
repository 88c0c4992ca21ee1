import type { GuestEvidence } from '../evidence.js';
import { confidenceOf, fact, type EvidenceItem, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { lineEvidence, lines, matchesOf, taskEvidence, type Analyzer } from './analyzer.js';
import { cli, guestShortLabel, name } from './words.js';

/** KVM not available, or CPU features the host lacks: checked against the node's CPU flags and the config. */
export const kvmAnalyzer: Analyzer = {
  name: 'kvm',
  analyze(input) {
    const noKvm = matchesOf(input, 'kvm-not-available');
    const features = matchesOf(input, 'cpu-features-unsupported');
    const findings: Finding[] = [];
    if (noKvm.length > 0) findings.push(kvmMissing(input.evidence, noKvm));
    if (features.length > 0) findings.push(featuresMissing(input.evidence, features));
    return { findings, claimed: lines([...noKvm, ...features]) };
  },
};

function kvmMissing(evidence: GuestEvidence, said: readonly LineMatch[]): Finding {
  const { node, guest } = evidence;
  const flags = node.cpu?.flags ?? [];
  const decisive: EvidenceItem[] = [];
  const contradictedBy: string[] = [];
  const context: EvidenceItem[] = [];
  const virt = flags.find((flag) => flag === 'vmx' || flag === 'svm');
  if (node.cpu && (node.cpu.hvm === false || !virt)) {
    decisive.push(fact('node-status', `the CPU of ${node.name} shows no hardware virtualisation (no vmx/svm flag)`));
    if (flags.includes('hypervisor'))
      context.push(
        fact(
          'node-status',
          `${node.name} is itself a virtual machine (CPU flag hypervisor): KVM needs nested virtualisation on its host`,
        ),
      );
  } else if (virt) {
    contradictedBy.push(`the CPU of ${node.name} has the ${virt} flag`);
  }
  if (evidence.config && !evidence.config.kvm)
    contradictedBy.push(`KVM is off in the config of ${guestShortLabel(guest)} now`);
  return {
    id: 'kvm-not-available',
    category: 'kvm',
    confidence: confidenceOf(decisive, contradictedBy),
    summary: `${guestShortLabel(guest)} needs KVM, but /dev/kvm is not available on ${node.name}.`,
    evidence: [...lineEvidence(said, 2), ...decisive, ...context, ...taskEvidence(evidence, said)],
    contradictedBy,
    fix: `Enable VT-x/AMD-V in the firmware of ${node.name} (or nested virtualisation on its host) and check \`ls -l /dev/kvm\`; only for testing, run without KVM: \`${cli(guest)} set ${guest.vmid} --kvm 0\`.`,
  };
}

/** `CPUID.01H:ECX.aes [bit 25]` names the flag `aes`. */
function flagOf(feature: string): string {
  return (feature.split(' ')[0]!.split('.').at(-1) ?? feature).toLowerCase().replace(/-/g, '_');
}

function featuresMissing(evidence: GuestEvidence, said: readonly LineMatch[]): Finding {
  const { node, guest } = evidence;
  const wanted = [...new Set(said.flatMap((match) => (match.groups.feature ? [flagOf(match.groups.feature)] : [])))];
  const flags = new Set(node.cpu?.flags ?? []);
  const lacking = node.cpu ? wanted.filter((flag) => !flags.has(flag)) : [];
  const present = node.cpu ? wanted.filter((flag) => flags.has(flag)) : [];
  const decisive = lacking.map((flag) => fact('node-status', `the CPU of ${node.name} lacks the ${name(flag)} flag`));
  const contradictedBy = lacking.length === 0 ? present.map((flag) => `the CPU of ${node.name} has ${name(flag)}`) : [];
  const cpu = evidence.config?.cpu;
  return {
    id: 'cpu-features-unsupported',
    category: 'kvm',
    confidence: confidenceOf(decisive, contradictedBy),
    summary: `The CPU type of ${guestShortLabel(guest)}${cpu ? ` (${name(cpu)})` : ''} asks for features the CPU of ${node.name} does not have${lacking.length > 0 ? `: ${lacking.map(name).join(', ')}` : ''}.`,
    evidence: [
      ...lineEvidence(said, 3),
      ...(cpu ? [fact('config', `cpu: ${evidence.config?.raw.cpu}`)] : []),
      ...decisive,
      ...taskEvidence(evidence, said),
    ],
    contradictedBy,
    fix: `Pick a CPU type ${node.name} supports, e.g. \`${cli(guest)} set ${guest.vmid} --cpu x86-64-v2-AES\` (or \`host\` if the guest never migrates), or remove the extra flags.`,
  };
}
