import { fact, type Finding } from '../finding.js';
import { lineEvidence, lines, matchesOf, nothing, taskEvidence, type Analyzer } from './analyzer.js';
import { list, name } from './words.js';

/** `cluster not ready - no quorum?`: does the cluster really lack quorum now? Without quorum every change fails. */
export const quorumAnalyzer: Analyzer = {
  name: 'quorum',
  analyze(input) {
    const { evidence } = input;
    const said = matchesOf(input, 'cluster-no-quorum');
    const lost = evidence.cluster.quorate === false;
    if (said.length === 0 && !lost) return nothing;
    const offline = evidence.cluster.offlineNodes.map(name);
    const decisive = lost
      ? [fact('cluster', `the cluster is not quorate${offline.length > 0 ? `; offline: ${list(offline)}` : ''}`)]
      : [];
    const contradictedBy = evidence.cluster.quorate === true ? ['the cluster is quorate now'] : [];
    const finding: Finding = {
      id: 'cluster-no-quorum',
      category: 'cluster',
      confidence: lost ? 'confirmed' : contradictedBy.length > 0 ? 'suspected' : 'likely',
      summary: lost
        ? 'The cluster has lost quorum, so /etc/pve is read-only and guests cannot be started or changed.'
        : 'An action failed for lack of quorum, but the cluster is quorate now.',
      evidence: [...lineEvidence(said, 2), ...decisive, ...taskEvidence(evidence, said)],
      contradictedBy,
      fix: lost
        ? `Bring the missing nodes back${offline.length > 0 ? ` (${list(offline)})` : ''} and check corosync (\`pvecm status\`); only as a last resort on a lone node: \`pvecm expected 1\`.`
        : 'Retry the action; if it fails again, check `pvecm status` for flapping corosync links.',
    };
    return { findings: [finding], claimed: lines(said) };
  },
};
