import { lineEvidence, taskEvidence } from './analyzers/analyzer.js';
import type { GuestEvidence } from './evidence.js';
import { categoryScores } from './failure-words.js';
import type { Category, EvidenceItem, Finding } from './finding.js';
import { adviceFor } from './fallback-advice.js';
import type { LineMatch, ObservedLine } from './observed-line.js';
import { signatureFinding } from './signature-finding.js';

const hintWeight = 2;

/**
 * For the failures of one task (or journal line) that no signature pins down:
 * the category its words and the evidence point to, or the generic wrapper's
 * own finding when the words add nothing. Real failures outnumber any list.
 */
export function explainUnknown(
  evidence: GuestEvidence,
  hints: ReadonlySet<Category>,
  trouble: readonly ObservedLine[],
  generic: readonly LineMatch[],
): Finding | undefined {
  if (trouble.length === 0 && generic.length === 0) return undefined;
  const words = new Map<Category, number>();
  for (const line of trouble)
    for (const [category, score] of categoryScores(line.text)) words.set(category, (words.get(category) ?? 0) + score);
  const wrapper = generic[0]?.signature.category;
  const best = bestCategory(words, hints);
  if (generic.length > 0 && (wrapper !== 'other' || best === undefined)) {
    const finding = signatureFinding(evidence.guest, generic);
    return { ...finding, evidence: [...finding.evidence, ...asEvidence(trouble)].slice(0, 5) };
  }
  const category = best ?? 'other';
  const agreed = (words.get(category) ?? 0) > 0 && hints.has(category);
  const elsewhere = [...hints].filter((hint) => hint !== category && hint !== 'lxc');
  const pointers = agreed
    ? 'its words and the evidence point'
    : words.has(category)
      ? 'its words point'
      : best
        ? 'the evidence points'
        : 'nothing points anywhere, so it is filed';
  return {
    id: `unmatched-${category}`,
    category,
    confidence: agreed ? 'likely' : 'suspected',
    summary: `A failure that no known signature matches; ${pointers} to ${category}.`,
    evidence: [
      ...asEvidence(trouble),
      ...lineEvidence(generic, 1),
      ...taskEvidence(evidence, [...trouble.map((line) => ({ line })), ...generic]),
    ].slice(0, 5),
    contradictedBy: agreed
      ? []
      : elsewhere.map((hint) => `the state of ${evidence.guest.node} and its guest points to ${hint}`),
    fix: adviceFor(category, evidence.guest),
  };
}

function bestCategory(words: ReadonlyMap<Category, number>, hints: ReadonlySet<Category>): Category | undefined {
  let best: [Category, number] | undefined;
  for (const category of new Set([...words.keys(), ...hints])) {
    const total = (words.get(category) ?? 0) + (hints.has(category) ? hintWeight : 0);
    if (!best || total > best[1]) best = [category, total];
  }
  return best?.[0];
}

function asEvidence(lines: readonly ObservedLine[]): EvidenceItem[] {
  return [...new Map(lines.map((line) => [line.text, { source: line.source, text: line.text }])).values()].slice(0, 3);
}
