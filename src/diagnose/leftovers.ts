import type { GuestEvidence } from './evidence.js';
import { explainUnknown } from './fallback.js';
import type { LineMatch, ObservedLine } from './observed-line.js';
import type { Candidate } from './rank.js';
import { signatureFinding } from './signature-finding.js';
import type { StateHints } from './state-hints.js';

/**
 * Lines about this guest that no analyzer explained: a specific signature
 * gives its documented finding; a task with only generic or unknown lines
 * goes to the fallback.
 */
export function explainLeftovers(
  evidence: GuestEvidence,
  hints: StateHints,
  matches: readonly LineMatch[],
  unmatched: readonly ObservedLine[],
): Candidate[] {
  const specific = matches.filter((match) => !match.signature.generic);
  const candidates: Candidate[] = [...byKey(specific, (match) => match.signature.id).values()].map((group) => ({
    finding: signatureFinding(evidence.guest, group),
    backed: true,
    vague: false,
  }));
  const settled = new Set(specific.map((match) => match.line.group));
  const generic = byKey(
    matches.filter((match) => match.signature.generic && !settled.has(match.line.group)),
    (match) => match.line.group,
  );
  const unexplained = unmatched.filter((line) => line.scope === 'guest' && !settled.has(line.group));
  // A journal line logged during a failed task that nothing explained joins that task's lines: the most telling decides.
  const pending = new Set([...generic.keys(), ...unexplained.map((line) => line.group)]);
  const open = byKey(unexplained, (line) => (line.during && pending.has(line.during) ? line.during : line.group));
  const seen = new Set<string>();
  for (const group of new Set([...generic.keys(), ...open.keys()])) {
    const finding = explainUnknown(evidence, hints, open.get(group) ?? [], generic.get(group) ?? []);
    if (!finding || seen.has(finding.id)) continue;
    seen.add(finding.id);
    candidates.push({ finding, backed: true, vague: true });
  }
  return candidates;
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
