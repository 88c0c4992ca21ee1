import { defineTool } from '../src/core/tool.js';
import { readGuestFacts } from './support/guest-facts.js';
import { runGuestTask } from './support/guest-task.js';
import { decidedGuestTarget, guestLabel, guestRef, resolveGuestTarget } from './support/guests.js';
import { inState, nodeOnline, qemuOnly, thinPoolRoom, unlocked } from './support/preflight-checks.js';
import { haAgentLine, historyLine, riskLines, stateLine } from './support/preview-lines.js';
import { guestArgs } from './support/schemas.js';

export const resumeVm = defineTool({
  name: 'resume_vm',
  title: 'Resume a paused VM',
  description: 'Resume a paused VM (e.g. io-error); says if it pauses again.',
  input: guestArgs,
  risk: 'change',
  idempotent: true,
  target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
  async preflight(_args, ctx) {
    const facts = await readGuestFacts(ctx, ctx.target!);
    const checks = [
      qemuOnly(facts.target, 'resume_vm'),
      nodeOnline(facts.node),
      unlocked(facts),
      inState(facts, ['paused'], (state, label) =>
        state === 'running'
          ? { detail: `${label} is already running`, fix: 'nothing to do' }
          : { detail: `${label} is stopped, not paused`, fix: 'start_vm starts it' },
      ),
    ];
    const room = thinPoolRoom(facts);
    if (room.result === 'warn') checks.push({ ...room, detail: `${room.detail}: it will pause again` });
    return {
      checks,
      preview: [
        stateLine(facts, 'running'),
        haAgentLine(facts),
        historyLine(facts, Math.floor(ctx.now().getTime() / 1000)),
        ...riskLines(checks),
      ],
    };
  },
  async run(args, ctx) {
    const target = await decidedGuestTarget(ctx, args.vmid, args.node);
    const result = await runGuestTask(ctx, target, 'resume', () =>
      ctx.proxmox.guests.power(guestRef(target), 'resume', {}, { signal: ctx.signal }),
    );
    if (result.failed) return result;
    const after = await ctx.proxmox.guests.status(guestRef(target), { signal: ctx.signal });
    if (after.qmpstatus === undefined || after.qmpstatus === 'running') return result;
    return {
      failed: true,
      text: `${guestLabel(target)} was resumed but paused again (${after.qmpstatus}): its cause is still there (e.g. a full storage); free space, then resume it`,
      summary: `resume ${guestLabel(target)}: paused again (${after.qmpstatus})`,
      structured: { ...result.structured, qmpstatus: after.qmpstatus },
    };
  },
});
