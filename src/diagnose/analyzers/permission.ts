import type { GuestEvidence } from '../evidence.js';
import { confidenceOf, fact, type EvidenceItem, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { lineEvidence, lines, matchesOf, taskEvidence, type Analyzer } from './analyzer.js';
import { name } from './words.js';

/** Permission errors: our own reads refused (certain), or a task's user without the privilege it needed (checked). */
export const permissionAnalyzer: Analyzer = {
  name: 'permission',
  analyze(input) {
    const said = matchesOf(input, 'permission-check-failed');
    const keys = [...new Set(said.map((match) => `${match.groups.path ?? ''} ${match.groups.privs ?? ''}`))];
    const findings = keys.map((key) =>
      permissionFinding(
        input.evidence,
        said.filter((match) => `${match.groups.path ?? ''} ${match.groups.privs ?? ''}` === key),
      ),
    );
    return { findings, claimed: lines(said) };
  },
};

function permissionFinding(evidence: GuestEvidence, said: readonly LineMatch[]): Finding {
  const path = said[0]?.groups.path;
  const privileges = (said[0]?.groups.privs ?? '').split(/[|,]\s*/).filter(Boolean);
  const ours = said.filter((match) => match.line.source !== 'task-log' && match.line.source !== 'journal');
  const task = evidence.tasks.find((candidate) => said.some((match) => match.line.group === candidate.upid));
  const who = ours.length > 0 ? evidence.identity : (task?.user ?? 'the user');
  const decisive: EvidenceItem[] = [];
  const contradictedBy: string[] = [];
  if (ours.length > 0) decisive.push(fact('cluster', `reads made now as ${name(evidence.identity)} were refused`));
  const granted = evidence.permissions.find((entry) => entry.userid === who && entry.path === path);
  if (granted && privileges.length > 0) {
    const lacking = privileges.filter((privilege) => !granted.privileges.includes(privilege));
    if (lacking.length === privileges.length)
      decisive.push(fact('cluster', `${name(who)} has no ${lacking.map(name).join(' or ')} on ${name(path ?? '/')}`));
    else
      contradictedBy.push(
        `${name(who)} has ${privileges
          .filter((privilege) => granted.privileges.includes(privilege))
          .map(name)
          .join(', ')} on ${name(path ?? '/')} now`,
      );
  }
  const what = privileges.length > 0 ? privileges.map(name).join(' or ') : 'a privilege';
  const where = path ? ` on ${name(path)}` : '';
  const flag = who.includes('!') ? '--tokens' : '--users';
  return {
    id: 'permission-check-failed',
    category: 'permission',
    confidence: confidenceOf(decisive, contradictedBy),
    summary:
      ours.length > 0
        ? `${name(who)} lacks ${what}${where}, so part of this diagnosis could not be read.`
        : `${name(who)} lacked ${what}${where} for a task on ${evidence.node.name}.`,
    evidence: [...lineEvidence(said, 2), ...decisive, ...taskEvidence(evidence, said)],
    contradictedBy,
    fix: `Grant it with a role that has ${what}: \`pveum acl modify ${name(path ?? '/')} ${flag} '${name(who)}' --roles ${privileges.some((p) => p.startsWith('VM.')) ? 'PVEVMUser' : 'PVEAuditor'}\` (a token also needs its user to hold the privilege unless privilege separation is off).`,
  };
}
