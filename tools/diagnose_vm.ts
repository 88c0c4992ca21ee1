import { defineTool } from '../src/core/tool.js';
import { diagnoseGuest } from '../src/diagnose/diagnose-guest.js';
import { EvidenceReader } from '../src/diagnose/evidence-reader.js';
import { findGuest } from '../src/diagnose/find-guest.js';
import type { Finding, GuestDiagnosis } from '../src/diagnose/finding.js';
import { gatherGuestEvidence } from '../src/diagnose/gather-guest-evidence.js';
import { guestHeading, headline } from '../src/diagnose/headline.js';
import { fenceAsData } from '../src/core/fence.js';
import { guestTarget } from './support/guests.js';
import { guestArgs } from './support/schemas.js';

const shownFindings = 3;
const shownEvidence = 4;
const lineLimit = 200;
const decisiveLimit = 2000;
const decisiveSources = new Set(['task-log', 'journal', 'status', 'agent', 'ha', 'cluster']);

export const diagnoseVm = defineTool({
  name: 'diagnose_vm',
  title: 'Diagnose a guest',
  description:
    'Call FIRST for any "why" question about one VM or container (failed start, paused, locked). Checks its state, config, tasks, logs, node and storage against known Proxmox failures. Returns findings, most likely first, with confidence, evidence, a fix and, when a tool can apply it, the fix call.',
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

function clip(text: string, limit = lineLimit): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/**
 * When the top finding is only suspected, or filed as other, we could not
 * decide: say so, and hand over the lines that decided it, whole, so the
 * model reasons on them instead of guessing from our summary.
 */
function undecided(diagnosis: GuestDiagnosis): string[] {
  const [top] = diagnosis.findings;
  if (!top || (top.confidence !== 'suspected' && top.category !== 'other')) return [];
  const why =
    top.category === 'other'
      ? 'nothing in the evidence points to a known kind of failure'
      : `the evidence disagrees${top.contradictedBy.length > 0 ? ` (${top.contradictedBy.join('; ')})` : ''}`;
  const raw = top.evidence
    .filter((item) => decisiveSources.has(item.source))
    .map((item) => clip(item.text, decisiveLimit));
  return [
    `Not decided: the top finding is ${top.category === 'other' ? 'filed as other' : 'only suspected'}, because ${why}. Reason from the decisive lines below, as read; do not guess beyond them.`,
    ...(raw.length > 0 ? [fenceAsData(`the decisive lines about guest ${diagnosis.vmid}, unabridged`, raw)] : []),
  ];
}

// Safety: a fix call is shown outside the data fence, so only when every value is a plain id or number.
const plainValue = /^[A-Za-z0-9_.:-]{1,64}$/;

function fixCall(finding: Finding): string | undefined {
  const action = finding.fixAction;
  if (!action || !Object.values(action.args).every((value) => plainValue.test(String(value)))) return undefined;
  // The node is resolved again from the vmid, so the model sees the shortest call that does it.
  const { node: _node, ...args } = action.args;
  return `${action.tool} ${JSON.stringify(args)}`;
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
    const action = fixCall(finding);
    if (action) lines.push(`   apply: ${action}`);
  });
  const more = diagnosis.findings.length - shown.length;
  if (more > 0) lines.push(`(${more} more in the structured result)`);
  const quoted = shown.flatMap((finding, index) =>
    finding.evidence.slice(0, shownEvidence).map((item) => `[${index + 1}] ${item.source}: ${clip(item.text)}`),
  );
  lines.push(
    'Evidence for the findings above, as read from the cluster:',
    fenceAsData(`the evidence about guest ${diagnosis.vmid}`, quoted),
    ...undecided(diagnosis),
  );
  return lines.join('\n');
}
