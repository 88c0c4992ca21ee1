import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import { EvidenceReader } from '../src/diagnose/evidence-reader.js';
import { findProblems as scanCluster } from '../src/diagnose/find-problems.js';
import type { ProblemsReport } from '../src/diagnose/finding.js';
import { guestHeading, headline } from '../src/diagnose/headline.js';
import { nodeTarget } from './support/guests.js';
import { nodeSchema } from './support/schemas.js';

const shownGuests = 15;

export const findProblems = defineTool({
  name: 'find_problems',
  title: 'Find problems in the cluster',
  description:
    'Scan the cluster (or one node) for problems: offline nodes, full or offline storage, lost quorum, guests locked, paused by I/O errors, in HA error, too big for their node or whose last task failed. Problems only, most severe first; then call diagnose_vm on a guest.',
  input: z.object({ node: nodeSchema.optional() }).strict(),
  risk: 'read',
  target: async (args, ctx) => nodeTarget(ctx, args.node),
  async run(args, ctx) {
    const reader = new EvidenceReader(ctx.proxmox, ctx.signal);
    const report = await scanCluster(reader, args.node ? { node: args.node } : {});
    const count = report.nodes.reduce((sum, node) => sum + node.findings.length, 0) + report.guests.length;
    return {
      text: problemsText(report, reader.reads.length),
      summary:
        count === 0
          ? 'no problems found'
          : `${report.nodes.length} nodes and ${report.guests.length} guests with problems`,
      structured: { ...report, reads: reader.reads },
    };
  },
});

/** One line per problem, our own sentences; diagnose_vm gives the evidence. */
function problemsText(report: ProblemsReport, reads: number): string {
  if (report.nodes.length === 0 && report.guests.length === 0)
    return `No problems found on the nodes and guests checked (${reads} reads).`;
  const lines = ['Problems, most severe first:'];
  for (const node of report.nodes)
    for (const finding of node.findings) lines.push(`- node ${node.node}: ${headline(finding)}: ${finding.summary}`);
  for (const guest of report.guests.slice(0, shownGuests)) {
    const [top, ...rest] = guest.findings;
    if (top)
      lines.push(
        `- guest ${guestHeading(guest)}: ${headline(top)}: ${top.summary}${rest.length > 0 ? ` (+${rest.length} more)` : ''}`,
      );
  }
  if (report.guests.length > shownGuests)
    lines.push(`(${report.guests.length - shownGuests} more guests with problems in the structured result)`);
  lines.push('Call diagnose_vm with a vmid for the evidence and the fix.');
  return lines.join('\n');
}
