import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import { readGuestFacts } from './support/guest-facts.js';
import { runGuestTask } from './support/guest-task.js';
import { decidedGuestTarget, guestRef, resolveGuestTarget } from './support/guests.js';
import { fail, nodeOnline, ok, unknown, unlocked } from './support/preflight-checks.js';
import { historyLine, riskLines, stateLine } from './support/preview-lines.js';
import { nodeSchema, snapshotNameSchema, vmidSchema } from './support/schemas.js';

export const snapshotVm = defineTool({
  name: 'snapshot_vm',
  title: 'Snapshot a VM or container',
  description: 'Take a snapshot of a VM or container; includeRam (VMs only) saves its memory too.',
  input: z
    .object({
      vmid: vmidSchema,
      node: nodeSchema.optional(),
      name: snapshotNameSchema,
      description: z.string().max(500).optional(),
      includeRam: z.boolean().optional(),
    })
    .strict(),
  risk: 'change',
  target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
  async preflight(args, ctx) {
    const facts = await readGuestFacts(ctx, ctx.target!);
    const checks = [nodeOnline(facts.node), unlocked(facts)];
    if (!facts.snapshots.ok) checks.push(unknown('name', facts.snapshots));
    else if (facts.snapshots.value.some((snapshot) => snapshot.name === args.name))
      checks.push(fail('name', `snapshot name '${args.name}' already used`, 'choose another name'));
    else checks.push(ok('name', `name ${args.name} is free`));
    return {
      checks,
      preview: [
        stateLine(facts),
        `new snapshot: ${args.name}${args.includeRam && facts.target.guestType === 'qemu' ? ' with RAM' : ''}`,
        historyLine(facts, Math.floor(ctx.now().getTime() / 1000)),
        ...riskLines(checks),
      ],
    };
  },
  async run(args, ctx) {
    const target = await decidedGuestTarget(ctx, args.vmid, args.node);
    const request = {
      snapname: args.name,
      ...(args.description ? { description: args.description } : {}),
      ...(args.includeRam && target.guestType === 'qemu' ? { vmstate: true } : {}),
    };
    return runGuestTask(ctx, target, `snapshot ${args.name} of`, () =>
      ctx.proxmox.guests.createSnapshot(guestRef(target), request, { signal: ctx.signal }),
    );
  },
});
