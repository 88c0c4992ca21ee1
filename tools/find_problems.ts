import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import { EvidenceReader } from '../src/diagnose/evidence-reader.js';
import { guestHeading, headline } from '../src/diagnose/headline.js';
import { checkCluster, problemKinds, type ClusterReport } from '../src/health/check-cluster.js';
import { severities, severityRank, type Severity } from '../src/health/severity.js';
import { nodeTarget } from './support/guests.js';
import { nodeSchema } from './support/schemas.js';

const shownLines = 20;

export const findProblems = defineTool({
  name: 'find_problems',
  title: 'Find problems in the cluster',
  description:
    'Problems in the cluster or on one node, most severe first: failing nodes and guests, backups, capacity, security posture. severity: the minimum to show.',
  input: z
    .object({
      node: nodeSchema.optional(),
      severity: z.enum(severities).optional(),
      kinds: z.array(z.enum(problemKinds)).optional(),
    })
    .strict(),
  risk: 'read',
  target: async (args, ctx) => nodeTarget(ctx, args.node),
  async run(args, ctx) {
    const reader = new EvidenceReader(ctx.proxmox, ctx.signal);
    const report = await checkCluster(ctx.proxmox, reader, {
      signal: ctx.signal,
      now: ctx.now,
      ...(args.node ? { node: args.node } : {}),
      ...(args.severity ? { severity: args.severity } : {}),
      ...(args.kinds ? { kinds: args.kinds } : {}),
    });
    const lines = problemLines(report);
    const counts = severities.map(
      (severity) => `${lines.filter((line) => line.severity === severity).length} ${severity}`,
    );
    return {
      text: problemsText(lines, reader.reads.length),
      summary: lines.length === 0 ? 'no problems found' : counts.join(', '),
      structured: { ...report, reads: reader.reads },
    };
  },
});

interface ProblemLine {
  severity: Severity;
  text: string;
}

/** One line per problem, our own sentences, most severe first; diagnose_vm gives a guest's evidence. */
function problemLines(report: ClusterReport): ProblemLine[] {
  const lines: ProblemLine[] = [];
  for (const node of report.nodes)
    for (const finding of node.findings)
      lines.push({ severity: finding.severity, text: `node ${node.node}: ${headline(finding)}: ${finding.summary}` });
  for (const guest of report.guests) {
    const [top, ...rest] = guest.findings;
    if (top)
      lines.push({
        severity: guest.severity,
        text: `guest ${guestHeading(guest)}: ${headline(top)}: ${top.summary}${rest.length > 0 ? ` (+${rest.length} more)` : ''}`,
      });
  }
  for (const finding of [...report.backups, ...report.capacity, ...report.posture])
    lines.push({
      severity: finding.severity,
      text: `${finding.kind}: ${finding.summary}${finding.kind === 'posture' ? ` Why: ${finding.why}` : ''} Fix: ${finding.fix}`,
    });
  return lines.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

function problemsText(lines: readonly ProblemLine[], reads: number): string {
  if (lines.length === 0) return `No problems found (${reads} reads).`;
  const text = ['Problems, most severe first:'];
  for (const line of lines.slice(0, shownLines)) text.push(`- [${line.severity}] ${line.text}`);
  if (lines.length > shownLines) text.push(`(${lines.length - shownLines} more in the structured result)`);
  text.push('Call diagnose_vm with a vmid for the evidence and the fix.');
  return text.join('\n');
}
