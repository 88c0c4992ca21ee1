import type { Confidence, Finding } from './finding.js';

/** A finding with what ranking needs to know about where it came from. */
export interface Candidate {
  finding: Finding;
  /** It explains lines that were read (a failed task, the journal), not only a state. */
  backed: boolean;
  /** From a generic wrapper line or the word classifier rather than a specific signature. */
  vague: boolean;
}

const confidenceScore: Record<Confidence, number> = { confirmed: 3, likely: 2, suspected: 0 };

const critical = new Set([
  'vm-paused-io-error',
  'thin-pool-out-of-space',
  'storage-full',
  'oom-killed-vm',
  'ha-service-error-state',
  'ha-lrm-start-retries',
  'ha-node-fenced',
  'cluster-no-quorum',
  'node-offline',
  'storage-not-online',
]);
const minor = new Set([
  'storage-nearly-full',
  'guest-agent-not-running',
  'guest-agent-timeout',
  'guest-agent-not-configured',
  'permission-check-failed',
  'efidisk-missing',
]);

/** 3 critical (a guest or node stopped working), 2 a failure, 1 a warning; a suspected finding is at most a warning. */
export function severityOf(finding: Finding): number {
  const base = critical.has(finding.id) ? 3 : minor.has(finding.id) ? 1 : 2;
  return finding.confidence === 'suspected' ? Math.min(base, 1) : base;
}

function likelihood(candidate: Candidate): number {
  return confidenceScore[candidate.finding.confidence] + (candidate.backed ? 1.5 : 0) - (candidate.vague ? 0.5 : 0);
}

/** Most likely first: confidence, then findings that explain a failure seen in the logs, then severity. */
export function rankFindings(candidates: readonly Candidate[]): Finding[] {
  return candidates
    .map((candidate, order) => ({ candidate, order }))
    .sort(
      (a, b) =>
        likelihood(b.candidate) - likelihood(a.candidate) ||
        severityOf(b.candidate.finding) - severityOf(a.candidate.finding) ||
        a.order - b.order,
    )
    .map(({ candidate }) => candidate.finding);
}
