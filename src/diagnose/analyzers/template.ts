import { fact } from '../finding.js';
import { lineEvidence, lines, matchesOf, nothing, taskEvidence, type Analyzer } from './analyzer.js';
import { cli, guestShortLabel } from './words.js';

/** `you can't start a vm if it's a template`: is the guest really a template? */
export const templateAnalyzer: Analyzer = {
  name: 'template',
  analyze(input) {
    const { evidence } = input;
    const said = matchesOf(input, 'start-template');
    if (said.length === 0) return nothing;
    const { guest } = evidence;
    const label = guestShortLabel(guest);
    const decisive = guest.template ? [fact('status', `${label} is a template`)] : [];
    const contradictedBy = guest.template ? [] : [`${label} is not a template now`];
    return {
      findings: [
        {
          id: 'start-template',
          category: 'template',
          confidence: guest.template ? 'confirmed' : 'suspected',
          summary: guest.template
            ? `${label} is a template, and templates cannot be started.`
            : `A start was refused because ${label} was a template, but it is not one now.`,
          evidence: [...lineEvidence(said, 2), ...decisive, ...taskEvidence(evidence, said)],
          contradictedBy,
          fix: guest.template
            ? `Clone it and start the clone: \`${cli(guest)} clone ${guest.vmid} NEWID --full\` (NEWID: a free id, e.g. from \`pvesh get /cluster/nextid\`).`
            : `Start it again: \`${cli(guest)} start ${guest.vmid}\`.`,
          ...(guest.template && guest.type === 'qemu'
            ? { fixAction: { tool: 'clone_vm', args: { vmid: guest.vmid, node: guest.node } } }
            : {}),
        },
      ],
      claimed: lines(said),
    };
  },
};
