import { lineEvidence, taskEvidence } from './analyzers/analyzer.js';
import { decisiveLines, isWrapper, phraseCategory, strongest, type WeighedLine } from './decisive-line.js';
import type { GuestEvidence } from './evidence.js';
import type { Category, EvidenceItem, Finding } from './finding.js';
import { adviceFor } from './fallback-advice.js';
import type { LineMatch, ObservedLine } from './observed-line.js';
import { signatureFinding } from './signature-finding.js';
import type { StateHints } from './state-hints.js';

/** Why the fallback filed a failure where it did, strongest reason first. */
type Reason = 'phrase' | 'evidence' | 'wrapper' | 'words' | 'nothing';

/**
 * For the failures of one task (or read) that no signature pins down: the
 * most specific line decides. Its phrases first, then what the config and the
 * node show, then the generic wrapper's own category, then single words; the
 * finding quotes that line first, verbatim. Real failures outnumber any list.
 */
export function explainUnknown(
  evidence: GuestEvidence,
  hints: StateHints,
  unmatched: readonly ObservedLine[],
  generic: readonly LineMatch[],
): Finding | undefined {
  // A generic signature's line whose own phrases name another kind of failure is read like an unknown line.
  const reread = generic.filter((match) => {
    const named = phraseCategory(match.line.text);
    return named !== undefined && named !== match.signature.category && !isWrapper(match.line.text);
  });
  if (reread.length > 0) {
    const rest = generic.filter((match) => !reread.includes(match));
    return explainUnknown(evidence, hints, [...unmatched, ...reread.map((match) => match.line)], rest);
  }
  const ranked = decisiveLines(unmatched);
  const decisive = ranked.filter((item) => item.weight >= 1);
  if (decisive.length === 0 && generic.length > 0) return wrapperFinding(evidence, generic, ranked);
  if (ranked.length === 0) return undefined;
  const wrapper = generic.find((match) => match.signature.category !== 'other')?.signature.category;
  const { category, reason } = fileUnder(ranked, hints, wrapper);
  // The wrapper documents this very kind of failure: its finding, with the line that decided quoted first.
  const same = category === 'other' ? [] : generic.filter((match) => match.signature.category === category);
  if (same.length > 0) return wrapperFinding(evidence, same, ranked, true);
  const agreed = hints.problems.has(category) || (reason !== 'nothing' && hints.context.has(category));
  const elsewhere = [...hints.problems].filter((hint) => hint !== category);
  return {
    id: `unmatched-${category}`,
    category,
    confidence: agreed ? 'likely' : 'suspected',
    summary: `A failure that no known signature matches; ${pointers(reason, agreed)} to ${category}.`,
    evidence: [
      ...asEvidence(ranked),
      ...lineEvidence(generic, 1),
      ...taskEvidence(evidence, [...ranked, ...generic]),
    ].slice(0, 5),
    contradictedBy: agreed
      ? []
      : elsewhere.map((hint) => `the state of ${evidence.guest.node} and its guest points to ${hint}`),
    fix: adviceFor(category, evidence.guest),
  };
}

function fileUnder(
  ranked: readonly WeighedLine[],
  hints: StateHints,
  wrapper: Category | undefined,
): { category: Category; reason: Reason } {
  const top = ranked[0]!;
  if (top.weight >= 3) return { category: strongest(top.scores)!, reason: 'phrase' };
  const problem = [...hints.problems][0];
  if (problem) return { category: problem, reason: 'evidence' };
  if (wrapper) return { category: wrapper, reason: 'wrapper' };
  const words = new Map<Category, number>();
  for (const item of ranked)
    for (const [category, score] of item.scores) words.set(category, (words.get(category) ?? 0) + score);
  const worded = strongest(words);
  return worded ? { category: worded, reason: 'words' } : { category: 'other', reason: 'nothing' };
}

function pointers(reason: Reason, agreed: boolean): string {
  if (reason === 'nothing') return 'nothing points anywhere, so it is filed';
  if (agreed) return 'its words and the evidence point';
  return {
    phrase: 'its words point',
    words: 'its words point',
    evidence: 'the evidence points',
    wrapper: 'the task it ended points',
  }[reason];
}

/** A wrapper's own documented finding; the lines that decided go first, lines of context after. */
function wrapperFinding(
  evidence: GuestEvidence,
  generic: readonly LineMatch[],
  others: readonly WeighedLine[],
  decided = false,
): Finding {
  const finding = signatureFinding(evidence.guest, generic);
  const lines = decided ? [...asEvidence(others), ...finding.evidence] : [...finding.evidence, ...asEvidence(others)];
  return { ...finding, evidence: [...new Map(lines.map((item) => [item.text, item])).values()].slice(0, 5) };
}

function asEvidence(items: readonly WeighedLine[]): EvidenceItem[] {
  const texts = new Map(items.map(({ line }) => [line.text, { source: line.source, text: line.text }]));
  return [...texts.values()].slice(0, 3);
}
