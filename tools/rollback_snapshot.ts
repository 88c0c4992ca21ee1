import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import { runGuestTask } from './support/guest-task.js';
import { decidedGuestTarget, guestRef, resolveGuestTarget } from './support/guests.js';
import { nodeSchema, snapshotNameSchema, vmidSchema } from './support/schemas.js';

export const rollbackSnapshot = defineTool({
  name: 'rollback_snapshot',
  title: 'Roll back to a snapshot',
  description: 'Return a VM or container to one of its snapshots; everything changed since is lost.',
  input: z.object({ vmid: vmidSchema, node: nodeSchema.optional(), name: snapshotNameSchema }).strict(),
  risk: 'destructive',
  target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
  async run(args, ctx) {
    const target = await decidedGuestTarget(ctx, args.vmid, args.node);
    return runGuestTask(ctx, target, `rollback to ${args.name} of`, () =>
      ctx.proxmox.guests.rollbackSnapshot(guestRef(target), args.name, {}, { signal: ctx.signal }),
    );
  },
});
