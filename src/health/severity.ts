/** How urgent a finding is: critical (broken or losing data now), warning (will hurt), info (worth knowing). */
export const severities = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

export function severityRank(severity: Severity): number {
  return severities.indexOf(severity);
}

/** True when `severity` is `minimum` or more severe. */
export function atLeast(severity: Severity, minimum: Severity): boolean {
  return severityRank(severity) <= severityRank(minimum);
}

/** Most severe first; a stable sort keeps the order within one severity. */
export function mostSevereFirst<T extends { severity: Severity }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}
