import type { Finding, GuestDiagnosis, ProblemsReport } from './finding.js';
import { guestHeading, headline } from './headline.js';

const sourceColumn = 14;

// Safety: log lines and names come from the cluster; control characters (terminal
// escape sequences) are removed before anything reaches the user's terminal.
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '').replace(/\n/g, ' ');
}

/** Word-wraps to `width` columns after `indent` (first line) or `hanging` (the others); longer words are cut. */
export function wrap(text: string, width: number, indent: string, hanging = indent): string[] {
  const lines: string[] = [];
  let line = indent;
  let fresh = true;
  const flush = () => {
    lines.push(line);
    line = hanging;
    fresh = true;
  };
  for (const word of plain(text).split(/ +/).filter(Boolean)) {
    if (!fresh && line.length + 1 + word.length > width) flush();
    let rest = word;
    while (line.length + (fresh ? 0 : 1) + rest.length > width) {
      const room = Math.max(1, width - line.length - (fresh ? 0 : 1));
      line += `${fresh ? '' : ' '}${rest.slice(0, room)}`;
      rest = rest.slice(room);
      flush();
    }
    if (rest) {
      line += `${fresh ? '' : ' '}${rest}`;
      fresh = false;
    }
  }
  if (!fresh || lines.length === 0) lines.push(line);
  return lines;
}

function findingLines(finding: Finding, width: number): string[] {
  const lines = [...wrap(finding.summary, width, '  ')];
  if (finding.evidence.length > 0) lines.push('Evidence:');
  for (const item of finding.evidence)
    lines.push(...wrap(item.text, width, `  ${item.source.padEnd(sourceColumn)}`, ' '.repeat(sourceColumn + 2)));
  if (finding.contradictedBy.length > 0)
    lines.push('But:', ...finding.contradictedBy.flatMap((text) => wrap(text, width, '  ')));
  lines.push('Fix:', ...wrap(finding.fix, width, '  '));
  return lines;
}

/** Verdict first, then evidence, then fix; every line within `width` columns. */
export function renderDiagnosis(diagnosis: GuestDiagnosis, reads: number, width = 80): string[] {
  const lines = wrap(`Guest ${guestHeading(diagnosis)}`, width, '');
  const [top, ...others] = diagnosis.findings;
  if (!top)
    return [
      ...lines,
      ...wrap(
        `Verdict: no problems found (${reads} reads of status, config, tasks, journal, storage, network, HA and quorum)`,
        width,
        '',
        '  ',
      ),
    ];
  lines.push(...wrap(`Verdict: ${headline(top)}`, width, ''), ...findingLines(top, width));
  others.forEach((finding, index) =>
    lines.push('', ...wrap(`Also ${index + 2}: ${headline(finding)}`, width, ''), ...findingLines(finding, width)),
  );
  return lines;
}

/** Problems only, most severe first: one block per node or guest. */
export function renderProblems(report: ProblemsReport, reads: number, width = 80): string[] {
  if (report.nodes.length === 0 && report.guests.length === 0)
    return wrap(`No problems found (${reads} reads).`, width, '');
  const lines = ['Problems, most severe first:'];
  const block = (title: string, findings: readonly Finding[]) => {
    lines.push('', ...wrap(title, width, ''));
    for (const finding of findings)
      lines.push(...wrap(headline(finding), width, '  '), ...wrap(finding.summary, width, '    '));
  };
  for (const node of report.nodes) block(`Node ${node.node}`, node.findings);
  for (const guest of report.guests) block(`Guest ${guestHeading(guest)}`, guest.findings);
  lines.push('', ...wrap("Run 'proxmox-ai diagnose VMID' for the evidence and the fix.", width, ''));
  return lines;
}
