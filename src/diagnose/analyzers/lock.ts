import type { GuestEvidence, TaskFact } from '../evidence.js';
import { confidenceOf, fact, type EvidenceItem, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { isoSeconds, lineEvidence, lines, matchesOf, taskEvidence, type Analyzer } from './analyzer.js';
import { cli, guestShortLabel, name } from './words.js';

/** The tasks that take each kind of guest lock. */
const lockTasks: Record<string, RegExp> = {
  backup: /^vzdump$/,
  migrate: /^(qm|vz)migrate$/,
  snapshot: /^(qm|vz)snapshot$/,
  'snapshot-delete': /^(qm|vz)delsnapshot$/,
  rollback: /^(qm|vz)rollback$/,
  clone: /^(qm|vz)clone$/,
  create: /^(qm|vz)(create|restore)$/,
  disk: /^(qmmove|move_volume|qmresize|resize)$/,
};

/** `VM is locked (backup)`: is the guest locked now, does a task still hold the lock, or did it die holding it? */
export const lockAnalyzer: Analyzer = {
  name: 'lock',
  analyze(input) {
    const { evidence } = input;
    const said = matchesOf(input, 'guest-config-locked');
    const holder = evidence.tasks.find((task) => task.running);
    if (said.length === 0 && (!evidence.guest.lock || holder)) return { findings: [], claimed: [] };
    const kind = evidence.guest.lock ?? said[0]?.groups.lock ?? 'unknown';
    const origin = holder ? undefined : evidence.tasks.find((task) => lockTasks[kind]?.test(task.type));
    return {
      findings: [lockFinding(evidence, kind, said, holder, origin)],
      claimed: lines(said),
      explainedTasks: origin?.failed ? [origin.upid] : [],
    };
  },
};

function lockFinding(
  evidence: GuestEvidence,
  kind: string,
  said: readonly LineMatch[],
  holder: TaskFact | undefined,
  origin: TaskFact | undefined,
): Finding {
  const { guest } = evidence;
  const label = guestShortLabel(guest);
  const decisive: EvidenceItem[] = guest.lock ? [fact('status', `${label} is locked (${name(guest.lock)})`)] : [];
  const contradictedBy = guest.lock ? [] : [`${label} has no lock now`];
  const context: EvidenceItem[] = [];
  if (holder) context.push(fact('tasks', `${holder.type} started ${isoSeconds(holder.starttime)} is still running`));
  else if (origin)
    context.push(
      fact(
        'tasks',
        `the last ${origin.type} of ${label} started ${isoSeconds(origin.starttime)} and ended: ${origin.status}`,
      ),
    );
  const confidence = confidenceOf(decisive, contradictedBy);
  const stale = !holder && guest.lock !== undefined;
  let summary = `${label} is locked (${name(kind)}) by a task that is still running.`;
  if (confidence === 'suspected')
    summary = `A task was refused because ${label} was locked (${name(kind)}), but it has no lock now.`;
  else if (stale && origin?.failed)
    summary = `${label} is locked (${name(kind)}), left behind by a ${origin.type} that failed; no task holds the lock now.`;
  else if (stale) summary = `${label} is locked (${name(kind)}) and no task of it is running, so the lock is stale.`;
  return {
    id: 'guest-config-locked',
    category: 'lock',
    confidence,
    summary,
    evidence: [...lineEvidence(said, 2), ...decisive, ...context, ...taskEvidence(evidence, said)],
    contradictedBy,
    fix: lockFix(evidence, kind, holder, confidence === 'suspected'),
  };
}

function lockFix(evidence: GuestEvidence, lock: string, running: TaskFact | undefined, gone: boolean): string {
  const { guest, node } = evidence;
  const tool = cli(guest);
  if (gone) return `Retry the action; the lock is gone (\`${tool} config ${guest.vmid}\` shows no lock line).`;
  if (running)
    return `Wait for the running ${running.type} task (${running.upid}) to finish; do not unlock while it runs.`;
  if (lock === 'suspended')
    return `${guestShortLabel(guest)} is hibernated: \`${tool} start ${guest.vmid}\` resumes it (unlocking would lose its saved state).`;
  return `Make sure no ${name(lock)} task of ${guestShortLabel(guest)} runs on ${node.name}, then remove the stale lock: \`${tool} unlock ${guest.vmid}\`.`;
}
