import type { GuestEvidence } from '../evidence.js';
import { confidenceOf, fact, type EvidenceItem, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { lineEvidence, lines, matchesOf, nothing, type Analyzer } from './analyzer.js';
import { cli, guestShortLabel } from './words.js';

/** The QEMU guest agent: configured or not, and whether it answered our own question just now. */
export const guestAgentAnalyzer: Analyzer = {
  name: 'guest-agent',
  analyze(input) {
    const silent = matchesOf(input, 'guest-agent-not-running', 'guest-agent-timeout');
    const unconfigured = matchesOf(input, 'guest-agent-not-configured');
    if (silent.length === 0 && unconfigured.length === 0) return nothing;
    const findings: Finding[] = [];
    if (silent.length > 0) findings.push(notAnswering(input.evidence, silent));
    if (unconfigured.length > 0) findings.push(notConfigured(input.evidence, unconfigured));
    return { findings, claimed: lines([...silent, ...unconfigured]) };
  },
};

function notAnswering(evidence: GuestEvidence, said: readonly LineMatch[]): Finding {
  const { guest, config, agent } = evidence;
  const label = guestShortLabel(guest);
  const decisive: EvidenceItem[] = [];
  const contradictedBy: string[] = [];
  if (agent && !agent.answered)
    decisive.push(fact('agent', `the agent of ${label} did not answer a get-osinfo request now`));
  if (agent?.answered) contradictedBy.push(`the agent of ${label} answers now`);
  if (config && !config.agentEnabled) contradictedBy.push(`the agent option is off in the config of ${label}`);
  if (guest.status !== 'running') contradictedBy.push(`${label} is ${guest.status}, so no agent can answer`);
  return {
    id: said[0]!.signature.id,
    category: 'guest-agent',
    confidence: confidenceOf(decisive, contradictedBy),
    summary: `The QEMU guest agent is enabled for ${label}, but nothing answers inside the guest.`,
    evidence: [
      ...lineEvidence(said, 2),
      ...(config?.agentEnabled ? [fact('config', `agent: ${config.raw.agent}`)] : []),
      ...decisive,
    ],
    contradictedBy,
    fix: `Install and start it inside the guest (\`apt install qemu-guest-agent && systemctl enable --now qemu-guest-agent\`), or turn the option off: \`${cli(guest)} set ${guest.vmid} --agent 0\`.`,
  };
}

function notConfigured(evidence: GuestEvidence, said: readonly LineMatch[]): Finding {
  const { guest, config } = evidence;
  const label = guestShortLabel(guest);
  const decisive =
    config && !config.agentEnabled ? [fact('config', `the config of ${label} has no agent option set`)] : [];
  const contradictedBy = config?.agentEnabled ? [`the agent option is on in the config of ${label} now`] : [];
  return {
    id: 'guest-agent-not-configured',
    category: 'guest-agent',
    confidence: confidenceOf(decisive, contradictedBy),
    summary: `A guest agent command was refused because the agent option is not set for ${label}.`,
    evidence: [...lineEvidence(said, 2), ...decisive],
    contradictedBy,
    fix: `Enable it: \`${cli(guest)} set ${guest.vmid} --agent enabled=1\`, install qemu-guest-agent in the guest, then stop and start the VM (a reboot inside the guest is not enough).`,
  };
}
