import type { GuestEvidence } from '../evidence.js';
import type { EvidenceItem, Finding } from '../finding.js';
import type { LineMatch, ObservedLine } from '../observed-line.js';

export interface AnalyzerInput {
  evidence: GuestEvidence;
  /** Signature matches among the lines about this guest (or naming its node, storage, bridge, or the cluster). */
  matches: readonly LineMatch[];
  /** Matches among node-wide lines that name no guest: context some analyzers tie to the guest (a thin pool, an OOM kill). */
  nodeMatches: readonly LineMatch[];
}

export interface AnalyzerResult {
  findings: Finding[];
  /** Lines this analyzer explained; other lines of their task logs need no finding of their own. */
  claimed: ObservedLine[];
  /** Whole task logs (by UPID) it explained, e.g. the backup that died holding a lock. */
  explainedTasks?: string[];
}

/** Checks one kind of failure against the evidence (k8sgpt-style): a log line alone is only `likely`. */
export interface Analyzer {
  name: string;
  analyze(input: AnalyzerInput): AnalyzerResult;
}

export const nothing: AnalyzerResult = { findings: [], claimed: [] };

export function matchesOf(input: AnalyzerInput, ...ids: string[]): LineMatch[] {
  return input.matches.filter((match) => ids.includes(match.signature.id));
}

export function nodeMatchesOf(input: AnalyzerInput, ...ids: string[]): LineMatch[] {
  return input.nodeMatches.filter((match) => ids.includes(match.signature.id));
}

/** The matched lines as evidence, each text once, at most `limit`. */
export function lineEvidence(matches: readonly LineMatch[], limit = 3): EvidenceItem[] {
  const seen = new Set<string>();
  const items: EvidenceItem[] = [];
  for (const { line } of matches) {
    if (seen.has(line.text) || items.length >= limit) continue;
    seen.add(line.text);
    items.push({ source: line.source, text: line.text });
  }
  return items;
}

/** The task a task-log line came from, stated as a fact. */
export function taskEvidence(evidence: GuestEvidence, matches: ReadonlyArray<Pick<LineMatch, 'line'>>): EvidenceItem[] {
  const upids = new Set(matches.filter((match) => match.line.source === 'task-log').map((match) => match.line.group));
  return evidence.tasks
    .filter((task) => upids.has(task.upid))
    .slice(0, 2)
    .map((task) => ({
      source: 'tasks' as const,
      text: `${task.type} by ${task.user} at ${isoSeconds(task.starttime)} ended: ${task.status}`,
    }));
}

export function isoSeconds(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function lines(matches: readonly LineMatch[]): ObservedLine[] {
  return matches.map((match) => match.line);
}

/** Group values of the matches, each once, e.g. every bridge named by bridge-missing lines. */
export function groupValues(matches: readonly LineMatch[], name: string): string[] {
  return [
    ...new Set(matches.map((match) => match.groups[name]).filter((value): value is string => value !== undefined)),
  ];
}
