import { fact, type Finding } from '../finding.js';
import { lineEvidence, lines, matchesOf, nothing, type Analyzer } from './analyzer.js';
import { name } from './words.js';

/** 595/596 from the API's node-to-node proxy: is the guest's node really offline in the cluster status? */
export const nodeReachAnalyzer: Analyzer = {
  name: 'node-reach',
  analyze(input) {
    const said = matchesOf(input, 'proxy-595-connection', 'proxy-596-timeout');
    if (said.length === 0) return nothing;
    const { node, cluster } = input.evidence;
    const offline = node.online === false;
    const decisive = offline ? [fact('cluster', `node ${name(node.name)} is offline in the cluster status`)] : [];
    const contradictedBy = node.online === true ? [`node ${name(node.name)} is online in the cluster status now`] : [];
    const finding: Finding = {
      id: said[0]!.signature.id,
      category: 'proxy',
      confidence: offline ? 'confirmed' : contradictedBy.length > 0 ? 'suspected' : 'likely',
      summary: `The API host cannot reach node ${name(node.name)}, so nothing of its guests can be read or changed${offline ? '; the node is offline' : ''}.`,
      evidence: [...lineEvidence(said, 2), ...decisive],
      contradictedBy,
      fix: `Check ${name(node.name)}: power, network, and that pveproxy runs there; from a node that is up, \`pvecm status\` shows the membership${cluster.quorate === false ? ' (the cluster has no quorum)' : ''}.`,
    };
    return { findings: [finding], claimed: lines(said) };
  },
};
