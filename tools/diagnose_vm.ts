import { defineTool } from '../src/core/tool.js';
import { diagnoseGuest } from '../src/diagnose/diagnose-guest.js';
import { EvidenceReader } from '../src/diagnose/evidence-reader.js';
import { findGuest } from '../src/diagnose/find-guest.js';
import type { GuestDiagnosis } from '../src/diagnose/finding.js';
import { gatherGuestEvidence } from '../src/diagnose/gather-guest-evidence.js';
import { guestHeading, headline } from '../src/diagnose/headline.js';
import { fenceAsData } from './support/fence.js';
import { guestTarget } from './support/guests.js';
import { guestArgs } from './support/schemas.js';

const shownFindings = 3;
const shownEvidence = 4;
const lineLimit = 200;

export const diagnoseVm = defineTool({
  name: 'diagnose_vm',
  title: 'Diagnose a guest',
  description:
    'Call this FIRST for any "why" question about one VM or container (failed start, paused, locked, stopped). Reads status, config, failed tasks and logs, journal, network, storage, memory, HA and quorum, and checks known Proxmox failures against that evidence. Returns findings, most likely first, with confidence (confirmed / likely / suspected), evidence and a fix. No findings: nothing wrong found.',
  input: guestArgs,
  risk: 'read',
  async target(args, ctx) {
    const { guest } = await findGuest(new EvidenceReader(ctx.proxmox, ctx.signal), args.vmid, args.node);
    return guestTarget(ctx, guest);
  },
  async run(args, ctx) {
    const reader = new EvidenceReader(ctx.proxmox, ctx.signal);
    const evidence = await gatherGuestEvidence(reader, args.vmid, args.node);
    const diagnosis = diagnoseGuest(evidence);
    const [top] = diagnosis.findings;
    return {
      text: diagnosisText(diagnosis, evidence.reads.length),
      summary: `${diagnosis.vmid}: ${top ? headline(top) : 'no problems found'} (${evidence.reads.length} reads)`,
      structured: { ...diagnosis, reads: evidence.reads },
    };
  },
});

function clip(text: string): string {
  return text.length > lineLimit ? `${text.slice(0, lineLimit)}…` : text;
}

/** Short enough for a small model: verdicts and fixes in our words, every line read from the cluster inside one data fence. */
function diagnosisText(diagnosis: GuestDiagnosis, reads: number): string {
  const head = `Guest ${guestHeading(diagnosis)}.`;
  if (diagnosis.findings.length === 0) {
    return `${head} No problems found: status, config, recent tasks, journal, storage, network, memory, HA, quorum and guest agent look fine (${reads} reads).`;
  }
  const shown = diagnosis.findings.slice(0, shownFindings);
  const lines = [
    `${head} ${diagnosis.findings.length} finding${diagnosis.findings.length === 1 ? '' : 's'}, most likely first:`,
  ];
  shown.forEach((finding, index) => {
    lines.push(`${index + 1}. ${headline(finding)}: ${finding.summary}`);
    if (finding.contradictedBy.length > 0) lines.push(`   but: ${finding.contradictedBy.join('; ')}`);
    lines.push(`   fix: ${finding.fix}`);
  });
  const more = diagnosis.findings.length - shown.length;
  if (more > 0) lines.push(`(${more} more in the structured result)`);
  const quoted = shown.flatMap((finding, index) =>
    finding.evidence.slice(0, shownEvidence).map((item) => `[${index + 1}] ${item.source}: ${clip(item.text)}`),
  );
  lines.push(
    'Evidence for the findings above, as read from the cluster:',
    fenceAsData(`the evidence about guest ${diagnosis.vmid}`, quoted),
  );
  return lines.join('\n');
}
