import type { GuestEvidence } from '../evidence.js';
import { confidenceOf, fact, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { lineEvidence, lines, matchesOf, nodeMatchesOf, taskEvidence, type Analyzer } from './analyzer.js';
import { guestShortLabel, name } from './words.js';

/** HA: the service in error state (and the retries that led there), or its node fenced. */
export const haAnalyzer: Analyzer = {
  name: 'ha',
  analyze(input) {
    const { evidence } = input;
    const sid = `${evidence.guest.type === 'qemu' ? 'vm' : 'ct'}:${evidence.guest.vmid}`;
    const errorLines = matchesOf(input, 'ha-service-error-state', 'ha-lrm-start-retries').filter(
      (match) => (match.groups.sid ?? sid) === sid,
    );
    const fenced = [...matchesOf(input, 'ha-node-fenced'), ...nodeMatchesOf(input, 'ha-node-fenced')].filter(
      (match) => match.groups.node === evidence.node.name || evidence.guest.haManaged,
    );
    const findings: Finding[] = [];
    if (errorLines.length > 0 || evidence.guest.haState === 'error')
      findings.push(errorState(evidence, sid, errorLines));
    for (const node of [...new Set(fenced.map((match) => match.groups.node!))])
      findings.push(
        fencedNode(
          evidence,
          node,
          fenced.filter((match) => match.groups.node === node),
        ),
      );
    return { findings, claimed: lines([...errorLines, ...fenced]) };
  },
};

function errorState(evidence: GuestEvidence, sid: string, said: readonly LineMatch[]): Finding {
  const state = evidence.guest.haState;
  const decisive = state === 'error' ? [fact('ha', `HA state of ${sid} is error`)] : [];
  const contradictedBy =
    state !== undefined && state !== 'error'
      ? [`HA state of ${sid} is ${name(state)} now`]
      : evidence.guest.haManaged
        ? []
        : [`${guestShortLabel(evidence.guest)} is not managed by HA now`];
  return {
    id:
      state === 'error' || said.length === 0 || said.some((match) => match.signature.id === 'ha-service-error-state')
        ? 'ha-service-error-state'
        : 'ha-lrm-start-retries',
    category: 'ha',
    confidence: confidenceOf(decisive, contradictedBy),
    summary: `The HA manager gave up on ${sid} and put it in error state; it will not start or move it until the error is cleared.`,
    evidence: [...lineEvidence(said, 2), ...decisive, ...taskEvidence(evidence, said)],
    contradictedBy,
    fix: `Fix why ${sid} failed (its last start task), then clear the error: \`ha-manager set ${sid} --state disabled\` and \`ha-manager set ${sid} --state started\`.`,
  };
}

function fencedNode(evidence: GuestEvidence, node: string, said: readonly LineMatch[]): Finding {
  const offline = evidence.cluster.offlineNodes.includes(node);
  const decisive = offline ? [fact('cluster', `node ${name(node)} is offline`)] : [];
  const contradictedBy = !offline && evidence.cluster.quorate !== undefined ? [`node ${name(node)} is online now`] : [];
  return {
    id: 'ha-node-fenced',
    category: 'ha',
    confidence: confidenceOf(decisive, contradictedBy),
    summary: `The HA manager fenced node ${name(node)}; its HA guests are recovered on other nodes.`,
    evidence: [...lineEvidence(said, 2), ...decisive],
    contradictedBy,
    fix: `Find why ${name(node)} dropped out (power, network, corosync: \`journalctl -u corosync\` on it), bring it back, and check where its guests run now (\`ha-manager status\`).`,
  };
}
