import type { Finding, GuestDiagnosis, NodeProblems, ProblemsReport } from '../diagnose/finding.js';
import type { Severity } from './severity.js';

/**
 * How urgent the diagnosis's findings are: down, paused, fenced or out of
 * space is critical (services stopped or data at risk now); anything else
 * that fails is a warning.
 */
const criticalIds = new Set([
  'node-offline',
  'cluster-no-quorum',
  'ha-node-fenced',
  'thin-pool-out-of-space',
  'thin-pool-full',
  'storage-full',
  'vm-paused-io-error',
  'oom-killed-vm',
]);

export type RatedFinding = Finding & { severity: Severity };
export type RatedNode = Omit<NodeProblems, 'findings'> & { severity: Severity; findings: RatedFinding[] };
export type RatedGuest = Omit<GuestDiagnosis, 'findings'> & { severity: Severity; findings: RatedFinding[] };

export function findingSeverity(finding: Finding): Severity {
  return criticalIds.has(finding.id) ? 'critical' : 'warning';
}

function rate<T extends { findings: Finding[] }>(
  item: T,
): Omit<T, 'findings'> & { severity: Severity; findings: RatedFinding[] } {
  const findings = item.findings.map((finding) => ({ ...finding, severity: findingSeverity(finding) }));
  const severity = findings.some((finding) => finding.severity === 'critical') ? 'critical' : 'warning';
  return { ...item, severity, findings };
}

/** The report with a severity on every node, guest and finding, most severe first (stable within a severity). */
export function rateProblems(report: ProblemsReport): { nodes: RatedNode[]; guests: RatedGuest[] } {
  const order = (a: { severity: Severity }, b: { severity: Severity }) =>
    Number(a.severity !== 'critical') - Number(b.severity !== 'critical');
  return { nodes: report.nodes.map(rate).sort(order), guests: report.guests.map(rate).sort(order) };
}
