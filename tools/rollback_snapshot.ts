import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import { duration, isoTime } from './support/format.js';
import { readGuestFacts } from './support/guest-facts.js';
import { runGuestTask } from './support/guest-task.js';
import { decidedGuestTarget, guestLabel, guestRef, resolveGuestTarget } from './support/guests.js';
import { fail, nodeOnline, ok, powerState, unknown, unlocked, warn } from './support/preflight-checks.js';
import { haAgentLine, historyLine, riskLines, stateLine } from './support/preview-lines.js';
import { nodeSchema, snapshotNameSchema, vmidSchema } from './support/schemas.js';

export const rollbackSnapshot = defineTool({
  name: 'rollback_snapshot',
  title: 'Roll back to a snapshot',
  description: 'Return a VM or container to one of its snapshots; everything changed since is lost.',
  input: z.object({ vmid: vmidSchema, node: nodeSchema.optional(), name: snapshotNameSchema }).strict(),
  risk: 'destructive',
  target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
  async preflight(args, ctx) {
    const facts = await readGuestFacts(ctx, ctx.target!);
    const checks = [nodeOnline(facts.node), unlocked(facts)];
    const now = Math.floor(ctx.now().getTime() / 1000);
    const snapshot = facts.snapshots.ok ? facts.snapshots.value.find((item) => item.name === args.name) : undefined;
    if (!facts.snapshots.ok) checks.push(unknown('snapshot', facts.snapshots));
    else if (!snapshot) {
      const names = facts.snapshots.value.map((item) => item.name).join(', ') || 'none';
      checks.push(
        fail('snapshot', `${guestLabel(facts.target)} has no snapshot '${args.name}'`, `its snapshots: ${names}`),
      );
    } else checks.push(ok('snapshot', `snapshot ${args.name} exists`));
    if (snapshot && !snapshot.vmstate && powerState(facts) !== 'stopped')
      checks.push(warn('state', 'the snapshot has no RAM: the guest is stopped by the rollback'));
    const taken = snapshot?.snaptime
      ? `${duration(Math.max(60, now - snapshot.snaptime))} ago (${isoTime(snapshot.snaptime)})`
      : 'at an unknown time';
    return {
      checks,
      preview: [
        stateLine(facts, `as in snapshot ${args.name}`),
        `rollback to ${args.name}, taken ${taken}: everything since is lost`,
        haAgentLine(facts),
        historyLine(facts, now),
        ...riskLines(checks),
      ],
    };
  },
  async run(args, ctx) {
    const target = await decidedGuestTarget(ctx, args.vmid, args.node);
    return runGuestTask(ctx, target, `rollback to ${args.name} of`, () =>
      ctx.proxmox.guests.rollbackSnapshot(guestRef(target), args.name, {}, { signal: ctx.signal }),
    );
  },
});
