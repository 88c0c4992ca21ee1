import type { GuestFacts } from './evidence.js';
import type { Finding } from './finding.js';
import type { LineMatch } from './observed-line.js';
import { lineEvidence } from './analyzers/analyzer.js';
import { cli, name } from './analyzers/words.js';

/** A finding from the reference alone, for lines no analyzer checks: `likely`, the cause and fix it documents. */
export function signatureFinding(guest: GuestFacts, matches: readonly LineMatch[]): Finding {
  const { signature, groups } = matches[0]!;
  return {
    id: signature.id,
    category: signature.category,
    confidence: 'likely',
    summary: firstSentence(signature.cause),
    evidence: lineEvidence(matches, 3),
    contradictedBy: [],
    fix: fillFix(signature.fix, signature.exampleGroups, groups, guest),
  };
}

/** The cause up to its first full stop or semicolon: one sentence. */
function firstSentence(text: string): string {
  const end = text.search(/[.;](\s|$)/);
  return end < 0 ? text : `${text.slice(0, end)}.`;
}

/**
 * The reference's fix uses the values of its example line (vmbr0, VM 100);
 * put the real ones in: the named groups of our line, and this guest's id.
 */
function fillFix(
  fix: string,
  example: Readonly<Record<string, string>>,
  actual: Readonly<Record<string, string>>,
  guest: GuestFacts,
): string {
  let filled = fix;
  for (const [sample, value] of replacements(example, actual)) {
    filled = filled.replace(new RegExp(`(?<![\\w-])${escapeRegExp(sample)}(?![\\w-])`, 'g'), () => name(value));
  }
  return filled.replace(
    /\b(qm|pct) ([a-z-]+) \d{3,9}\b/g,
    (_whole, _tool: string, verb: string) => `${cli(guest)} ${verb} ${guest.vmid}`,
  );
}

/** Sample value -> real value for each named group, and the storage of a volume id (`local-zfs:vm-100-disk-0`). */
function replacements(
  example: Readonly<Record<string, string>>,
  actual: Readonly<Record<string, string>>,
): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [group, sample] of Object.entries(example)) {
    const value = actual[group];
    if (value === undefined || value === sample || sample.length < 2) continue;
    pairs.push([sample, value]);
    const [sampleStorage, valueStorage] = [/^([\w.-]+):/.exec(sample)?.[1], /^([\w.-]+):/.exec(value)?.[1]];
    if (sampleStorage && valueStorage && sampleStorage !== valueStorage) pairs.push([sampleStorage, valueStorage]);
  }
  return pairs;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
