import type { GuestEvidence } from '../evidence.js';
import { confidenceOf, fact, type EvidenceItem, type Finding } from '../finding.js';
import type { ConfigNic } from '../guest-config.js';
import type { LineMatch, ObservedLine } from '../observed-line.js';
import { isBridge } from '../read-facts.js';
import { groupValues, lineEvidence, lines, matchesOf, taskEvidence, type Analyzer } from './analyzer.js';
import { cli, configValue, guestShortLabel, list, name } from './words.js';

/** `bridge 'vmbr1' does not exist`: is the bridge really absent from the node, and does a NIC use it? */
export const bridgeAnalyzer: Analyzer = {
  name: 'bridge',
  analyze(input) {
    const { evidence } = input;
    const said = matchesOf(input, 'bridge-missing');
    const wrappers = matchesOf(input, 'network-script-failed');
    const bridges = evidence.node.interfaces?.filter(isBridge);
    const nics = evidence.config?.nics ?? [];
    const absent = bridges
      ? nics.flatMap((nic) => (nic.bridge && !bridges.some((bridge) => bridge.name === nic.bridge) ? [nic.bridge] : []))
      : [];
    const named = [...new Set([...groupValues(said, 'bridge'), ...absent])];
    const findings = named.map((bridge) =>
      missingBridge(
        evidence,
        bridge,
        said.filter((match) => match.groups.bridge === bridge),
      ),
    );
    const groups = new Set(said.map((match) => match.line.group));
    const explained = wrappers.filter((match) => groups.has(match.line.group) || absent.length > 0);
    return { findings, claimed: [...lines(said), ...lines(explained)] satisfies ObservedLine[] };
  },
};

function missingBridge(evidence: GuestEvidence, bridge: string, said: readonly LineMatch[]): Finding {
  const { guest, node } = evidence;
  const bridges = node.interfaces?.filter(isBridge);
  const present = bridges?.find((candidate) => candidate.name === bridge);
  const users = (evidence.config?.nics ?? []).filter((nic) => nic.bridge === bridge);
  const decisive: EvidenceItem[] = [];
  const contradictedBy: string[] = [];
  if (bridges && !present)
    decisive.push(
      fact(
        'node-network',
        `${node.name} has no bridge ${name(bridge)}; its bridges: ${list(bridges.map((b) => b.name)) || 'none'}`,
      ),
    );
  else if (present && !present.active)
    decisive.push(fact('node-network', `bridge ${name(bridge)} on ${node.name} is not active`));
  else if (present) contradictedBy.push(`bridge ${name(bridge)} exists on ${node.name} now`);
  if (evidence.config && users.length === 0)
    contradictedBy.push(`no NIC of ${guestShortLabel(guest)} uses ${name(bridge)} now`);
  const confidence = confidenceOf(decisive, contradictedBy);
  const nicNames = users.map((nic) => nic.key);
  const usedBy = nicNames.length > 0 ? `, used by ${list(nicNames)},` : '';
  const summary =
    confidence === 'suspected'
      ? `A start failed on a missing bridge ${name(bridge)}, but the evidence now disagrees.`
      : `Bridge ${name(bridge)}${usedBy} does not exist on node ${node.name}${said.length === 0 ? `, so ${guestShortLabel(guest)} cannot start` : ''}.`;
  return {
    id: 'bridge-missing',
    category: 'network',
    confidence,
    summary,
    evidence: [
      ...lineEvidence(said, 2),
      ...users.map((nic) => fact('config', `${nic.key}: ${nic.value}`)),
      ...decisive,
      ...taskEvidence(evidence, said),
    ],
    contradictedBy,
    fix:
      confidence === 'suspected'
        ? `Start ${guestShortLabel(guest)} again (\`${cli(guest)} start ${guest.vmid}\`); if it fails, check \`ip -d link show ${name(bridge)}\` on ${node.name}.`
        : bridgeFix(evidence, bridge, users[0]),
    ...(confidence !== 'suspected' && guest.type === 'qemu' && users[0] && otherBridge(evidence, bridge)
      ? {
          fixAction: {
            tool: 'set_vm_network',
            args: { vmid: guest.vmid, node: node.name, nic: users[0].key, bridge: otherBridge(evidence, bridge) },
          },
        }
      : {}),
  };
}

/** An active bridge of the node other than the missing one, to move a NIC to. */
function otherBridge(evidence: GuestEvidence, bridge: string): string | undefined {
  return evidence.node.interfaces?.filter(isBridge).find((candidate) => candidate.name !== bridge && candidate.active)
    ?.name;
}

function bridgeFix(evidence: GuestEvidence, bridge: string, nic: ConfigNic | undefined): string {
  const { guest, node } = evidence;
  const create = `Create bridge ${name(bridge)} on ${node.name} (System > Network, then \`ifreload -a\`)`;
  const other = node.interfaces?.filter(isBridge).find((candidate) => candidate.name !== bridge && candidate.active);
  const value =
    nic && other ? configValue(nic.value.replace(/(^|,)bridge=[^,]*/, `$1bridge=${other.name}`)) : undefined;
  if (!nic || !other || !value) return `${create}.`;
  return `${create}, or move ${nic.key} to ${other.name}: \`${cli(guest)} set ${guest.vmid} --${nic.key} ${value}\`.`;
}
