import { analyzers } from './analyzers/index.js';
import { concernsGuest } from './concerns-guest.js';
import type { GuestEvidence } from './evidence.js';
import type { GuestDiagnosis } from './finding.js';
import { explainLeftovers } from './leftovers.js';
import { matchLines } from './match-lines.js';
import { observedLines } from './observe.js';
import type { LineMatch, ObservedLine } from './observed-line.js';
import { rankFindings, type Candidate } from './rank.js';
import { signatureBook, type SignatureBook } from './signature-book.js';
import { stateHints } from './state-hints.js';

/** Evidence -> findings, most likely first. Pure: everything it knows was read before. */
export function diagnoseGuest(evidence: GuestEvidence, book: SignatureBook = signatureBook()): GuestDiagnosis {
  return explainLines(evidence, observedLines(evidence), book);
}

/** The analysis proper, over lines already chosen (the table test feeds reference lines straight in). */
export function explainLines(
  evidence: GuestEvidence,
  observed: readonly ObservedLine[],
  book: SignatureBook = signatureBook(),
): GuestDiagnosis {
  const split = matchLines(book, observed);
  const named = split.matches.filter((match) => !aboutAnotherGuest(match, evidence.guest.vmid));
  const matches = named.filter((match) => concernsGuest(evidence, match));
  const nodeMatches = named.filter((match) => !concernsGuest(evidence, match));
  const results = analyzers.map((analyzer) => analyzer.analyze({ evidence, matches, nodeMatches }));
  const claimed = new Set(results.flatMap((result) => result.claimed));
  const explained = new Set([
    ...[...claimed].map((line) => line.group),
    ...results.flatMap((result) => result.explainedTasks ?? []),
  ]);
  const texts = new Set(observed.map((line) => line.text));
  const candidates: Candidate[] = results.flatMap((result) =>
    result.findings.map((finding) => ({
      finding,
      backed: finding.evidence.some((item) => texts.has(item.text)),
      vague: false,
    })),
  );
  const open = matches.filter((match) => !claimed.has(match.line) && !explained.has(match.line.group));
  const unmatched = split.unmatched.filter((line) => !explained.has(line.group));
  candidates.push(...foldIntoConfirmed(candidates, explainLeftovers(evidence, stateHints(evidence), open, unmatched)));
  const { guest } = evidence;
  return {
    vmid: guest.vmid,
    node: guest.node,
    name: guest.name,
    status: guest.status,
    findings: rankFindings(candidates),
  };
}

/**
 * A failure no signature pins down, where a confirmed finding already
 * explains it (the node cannot satisfy an option, say): its lines join that
 * finding's evidence instead of standing as a vaguer finding of their own.
 * A line of the same category decided the fallback and goes first; a bare
 * wrapper (`QEMU exited with code 1`) is the consequence and goes last.
 */
function foldIntoConfirmed(known: Candidate[], unknown: readonly Candidate[]): Candidate[] {
  const confirmed = known.filter((candidate) => candidate.finding.confidence === 'confirmed');
  return unknown.filter((candidate) => {
    if (!candidate.vague) return true;
    const { category } = candidate.finding;
    const host =
      confirmed.find((other) => other.finding.category === category) ??
      (category === 'other' ? confirmed[0] : undefined);
    if (!host) return true;
    const lines = candidate.finding.evidence.filter((item) => item.source === 'task-log' || item.source === 'journal');
    const own = host.finding.evidence;
    const texts = new Set(own.map((item) => item.text));
    const added = lines.filter((item) => !texts.has(item.text));
    const decided = candidate.finding.id.startsWith('unmatched-') && category !== 'other';
    host.finding = { ...host.finding, evidence: decided ? [...added, ...own] : [...own, ...added] };
    host.backed = true;
    return false;
  });
}

/** A line that names another guest (a vzdump job of several, a journal line) is not about this one. */
function aboutAnotherGuest(match: LineMatch, vmid: number): boolean {
  const { vmid: named, ctid, sid } = match.groups;
  const id = named ?? ctid ?? sid?.split(':')[1];
  return id !== undefined && Number(id) !== vmid;
}
