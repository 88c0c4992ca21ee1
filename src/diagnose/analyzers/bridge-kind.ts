import type { GuestEvidence } from '../evidence.js';
import { confidenceOf, fact, type EvidenceItem, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { isBridge } from '../read-facts.js';
import { groupValues, lineEvidence, lines, matchesOf, taskEvidence, type Analyzer } from './analyzer.js';
import { guestShortLabel, name } from './words.js';

/** The bridge exists but cannot carry the NIC: no physical port for a VLAN, or not a bridge at all. */
export const bridgeKindAnalyzer: Analyzer = {
  name: 'bridge-kind',
  analyze(input) {
    const noPort = matchesOf(input, 'vlan-no-physical-port');
    const notBridge = matchesOf(input, 'bridge-not-linux-or-ovs');
    const findings = [
      ...groupValues(noPort, 'bridge').map((bridge) =>
        withoutPort(
          input.evidence,
          bridge,
          noPort.filter((m) => m.groups.bridge === bridge),
        ),
      ),
      ...groupValues(notBridge, 'bridge').map((bridge) =>
        notABridge(
          input.evidence,
          bridge,
          notBridge.filter((m) => m.groups.bridge === bridge),
        ),
      ),
    ];
    const groups = new Set([...noPort, ...notBridge].map((match) => match.line.group));
    const wrappers = matchesOf(input, 'network-script-failed').filter((match) => groups.has(match.line.group));
    return { findings, claimed: lines([...noPort, ...notBridge, ...wrappers]) };
  },
};

function withoutPort(evidence: GuestEvidence, bridge: string, said: LineMatch[]): Finding {
  const iface = evidence.node.interfaces?.find((candidate) => candidate.name === bridge);
  const tagged = (evidence.config?.nics ?? []).filter((nic) => nic.bridge === bridge && /(^|,)tag=\d+/.test(nic.value));
  const decisive: EvidenceItem[] = [];
  const contradictedBy: string[] = [];
  if (iface && iface.ports.length === 0)
    decisive.push(fact('node-network', `bridge ${name(bridge)} on ${evidence.node.name} has no ports`));
  if (iface && iface.ports.length > 0)
    contradictedBy.push(`bridge ${name(bridge)} has port ${name(iface.ports[0]!)} on ${evidence.node.name} now`);
  return {
    id: 'vlan-no-physical-port',
    category: 'network',
    confidence: confidenceOf(decisive, contradictedBy),
    summary: `Bridge ${name(bridge)} on ${evidence.node.name} has no physical port, so the VLAN of ${tagged[0]?.key ?? 'the NIC'} cannot be set up.`,
    evidence: [
      ...lineEvidence(said, 2),
      ...tagged.map((nic) => fact('config', `${nic.key}: ${nic.value}`)),
      ...decisive,
      ...taskEvidence(evidence, said),
    ],
    contradictedBy,
    fix: `Give ${name(bridge)} a physical port on ${evidence.node.name} (bridge-ports in /etc/network/interfaces, then \`ifreload -a\`), or remove the VLAN tag from ${guestShortLabel(evidence.guest)}'s NIC.`,
  };
}

function notABridge(evidence: GuestEvidence, bridge: string, said: LineMatch[]): Finding {
  const iface = evidence.node.interfaces?.find((candidate) => candidate.name === bridge);
  const decisive: EvidenceItem[] = [];
  const contradictedBy: string[] = [];
  if (iface && !isBridge(iface))
    decisive.push(fact('node-network', `${name(bridge)} on ${evidence.node.name} is of type ${name(iface.type)}`));
  if (iface && isBridge(iface)) contradictedBy.push(`${name(bridge)} is a ${iface.type} on ${evidence.node.name} now`);
  return {
    id: 'bridge-not-linux-or-ovs',
    category: 'network',
    confidence: confidenceOf(decisive, contradictedBy),
    summary: `${name(bridge)} on ${evidence.node.name} is neither a Linux nor an OVS bridge, so a NIC cannot be attached to it.`,
    evidence: [...lineEvidence(said, 2), ...decisive, ...taskEvidence(evidence, said)],
    contradictedBy,
    fix: `Attach the NIC of ${guestShortLabel(evidence.guest)} to a real bridge of ${evidence.node.name}, or make ${name(bridge)} a Linux bridge.`,
  };
}
