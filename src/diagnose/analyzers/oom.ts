import type { GuestEvidence } from '../evidence.js';
import { fact, type EvidenceItem, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { lineEvidence, lines, matchesOf, nodeMatchesOf, nothing, type Analyzer } from './analyzer.js';
import { cli, gib, guestShortLabel } from './words.js';

/** The kernel's OOM killer ended this guest's QEMU: the lines that name its scope, and how full the node is. */
export const oomAnalyzer: Analyzer = {
  name: 'oom',
  analyze(input) {
    const { evidence } = input;
    const ours = matchesOf(input, 'oom-killed-vm');
    if (ours.length === 0) return nothing;
    const pids = new Set(
      ours.flatMap((match) => [...match.line.text.matchAll(/\bpid=(\d+)/g)].map((found) => found[1]!)),
    );
    const killed = nodeMatchesOf(input, 'oom-killed-vm').filter(
      (match) => match.groups.pid !== undefined && pids.has(match.groups.pid),
    );
    return { findings: [oomFinding(evidence, [...ours, ...killed])], claimed: lines([...ours, ...killed]) };
  },
};

function oomFinding(evidence: GuestEvidence, said: readonly LineMatch[]): Finding {
  const { guest, node } = evidence;
  const label = guestShortLabel(guest);
  const decisive: EvidenceItem[] = [];
  if (guest.status === 'stopped') decisive.push(fact('status', `${label} is stopped now`));
  const memory = node.memory;
  if (memory && node.committed !== undefined && node.committed > memory.total) {
    decisive.push(
      fact(
        'node-status',
        `running guests on ${node.name} are given ${gib(node.committed)}, more than its ${gib(memory.total)}`,
      ),
    );
  } else if (memory && memory.used / memory.total >= 0.9) {
    decisive.push(fact('node-status', `${node.name} uses ${gib(memory.used)} of ${gib(memory.total)}`));
  }
  return {
    id: 'oom-killed-vm',
    category: 'memory',
    confidence: decisive.length > 0 ? 'confirmed' : 'likely',
    summary: `The kernel's OOM killer on ${node.name} killed the QEMU process of ${label} because the node ran out of memory.`,
    evidence: [...lineEvidence(said, 3), ...decisive],
    contradictedBy: [],
    fix: `Give ${node.name} headroom: lower the memory of its guests or enable ballooning, add RAM or swap, or move guests away; then \`${cli(guest)} start ${guest.vmid}\`.`,
  };
}
