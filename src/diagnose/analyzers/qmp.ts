import type { GuestEvidence, TaskFact } from '../evidence.js';
import { confidenceOf, fact, type EvidenceItem, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { isoSeconds, lineEvidence, lines, matchesOf, taskEvidence, type Analyzer } from './analyzer.js';
import { cli, guestShortLabel, name } from './words.js';

/** The QEMU monitor: a command that timed out (often while a backup holds QEMU busy), or a VM that does not run. */
export const qmpAnalyzer: Analyzer = {
  name: 'qmp',
  analyze(input) {
    const timeouts = matchesOf(input, 'qmp-command-timeout');
    const notRunning = matchesOf(input, 'vm-not-running');
    const findings: Finding[] = [];
    if (timeouts.length > 0) findings.push(timeout(input.evidence, timeouts));
    if (notRunning.length > 0) findings.push(stopped(input.evidence, notRunning));
    return { findings, claimed: lines([...timeouts, ...notRunning]) };
  },
};

/** A backup of the guest that ran when the failed task started. */
function overlappingBackup(evidence: GuestEvidence, said: readonly LineMatch[]): TaskFact | undefined {
  const failed = evidence.tasks.find((task) => said.some((match) => match.line.group === task.upid));
  return evidence.tasks.find(
    (task) =>
      task.type === 'vzdump' &&
      task !== failed &&
      (task.running ||
        (failed !== undefined && task.starttime <= failed.starttime && (task.endtime ?? Infinity) >= failed.starttime)),
  );
}

function timeout(evidence: GuestEvidence, said: readonly LineMatch[]): Finding {
  const { guest, node } = evidence;
  const label = guestShortLabel(guest);
  const backup = overlappingBackup(evidence, said);
  const decisive: EvidenceItem[] = [];
  if (backup)
    decisive.push(
      fact(
        'tasks',
        `a backup (vzdump) of ${label} ${backup.running ? 'is running' : `ran from ${isoSeconds(backup.starttime)} to ${isoSeconds(backup.endtime ?? backup.starttime)}`}`,
      ),
    );
  if (guest.status === 'running' && guest.qmpstatus === undefined)
    decisive.push(fact('status', `QEMU of ${label} did not report its state now`));
  const command = said[0]?.groups.cmd;
  return {
    id: 'qmp-command-timeout',
    category: 'qmp',
    confidence: confidenceOf(decisive, []),
    summary: `The QEMU monitor of ${label} did not answer${command ? ` the ${name(command)} command` : ''} in time${backup ? ' while a backup kept QEMU busy' : ''}.`,
    evidence: [...lineEvidence(said, 2), ...decisive, ...taskEvidence(evidence, said)],
    contradictedBy: [],
    fix: backup
      ? `Retry after the backup of ${label} has finished; schedule backups away from such tasks.`
      : `Retry; if QEMU stays unresponsive, check the load and storage latency of ${node.name}, and as a last resort \`${cli(guest)} stop ${guest.vmid}\`.`,
  };
}

function stopped(evidence: GuestEvidence, said: readonly LineMatch[]): Finding {
  const { guest } = evidence;
  const label = guestShortLabel(guest);
  const decisive = guest.status === 'stopped' ? [fact('status', `${label} is stopped`)] : [];
  const contradictedBy = guest.status === 'running' ? [`${label} is running now`] : [];
  return {
    id: 'vm-not-running',
    category: 'qmp',
    confidence: confidenceOf(decisive, contradictedBy),
    summary: `An action needed ${label} running, but it was not.`,
    evidence: [...lineEvidence(said, 2), ...decisive, ...taskEvidence(evidence, said)],
    contradictedBy,
    fix: `Start it first: \`${cli(guest)} start ${guest.vmid}\`, then retry.`,
  };
}
