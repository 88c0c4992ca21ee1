import { confidenceOf, fact, type Finding } from '../finding.js';
import { lineEvidence, lines, matchesOf, taskEvidence, type AnalyzerInput, type Analyzer } from './analyzer.js';

/** Cluster-wide locks: a cfs lock that timed out (quorum, pmxcfs) and the node-wide vzdump lock (another backup). */
export const clusterLockAnalyzer: Analyzer = {
  name: 'cluster-locks',
  analyze(input) {
    const cfs = matchesOf(input, 'cfs-lock-timeout');
    const vzdump = matchesOf(input, 'vzdump-global-lock');
    const findings: Finding[] = [];
    if (cfs.length > 0) findings.push(cfsLock(input, cfs));
    if (vzdump.length > 0) findings.push(backupLock(input, vzdump));
    return { findings, claimed: lines([...cfs, ...vzdump]) };
  },
};

function cfsLock({ evidence }: AnalyzerInput, said: ReturnType<typeof matchesOf>): Finding {
  const lost = evidence.cluster.quorate === false;
  const decisive = lost ? [fact('cluster', 'the cluster has no quorum')] : [];
  return {
    id: 'cfs-lock-timeout',
    category: 'lock',
    confidence: confidenceOf(decisive, []),
    summary: `A cluster file system lock (${said[0]?.groups.lockid ?? 'cfs'}) timed out${lost ? ' because the cluster has no quorum' : ''}.`,
    evidence: [...lineEvidence(said, 2), ...decisive, ...taskEvidence(evidence, said)],
    contradictedBy: [],
    fix: lost
      ? 'Restore quorum first (`pvecm status`), then retry.'
      : 'Check pmxcfs and corosync on the nodes (`systemctl status pve-cluster corosync`, `pvecm status`), then retry.',
  };
}

function backupLock({ evidence }: AnalyzerInput, said: ReturnType<typeof matchesOf>): Finding {
  const running = evidence.tasks.find((task) => task.running && task.type === 'vzdump');
  const decisive = running ? [fact('tasks', `a vzdump task is running on ${evidence.node.name}`)] : [];
  return {
    id: 'vzdump-global-lock',
    category: 'lock',
    confidence: confidenceOf(decisive, []),
    summary: `A backup could not start because another backup holds the vzdump lock on ${evidence.node.name}.`,
    evidence: [...lineEvidence(said, 2), ...decisive, ...taskEvidence(evidence, said)],
    contradictedBy: [],
    fix: `Let the running backup finish, or spread the backup jobs in time (Datacenter > Backup); if no vzdump runs on ${evidence.node.name}, a crashed one left /var/run/vzdump.lock behind.`,
  };
}
