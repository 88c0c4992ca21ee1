import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import { runGuestTask } from './support/guest-task.js';
import { decidedGuestTarget, guestRef, resolveGuestTarget } from './support/guests.js';
import { nodeSchema, snapshotNameSchema, vmidSchema } from './support/schemas.js';

export const snapshotVm = defineTool({
  name: 'snapshot_vm',
  title: 'Snapshot a VM or container',
  description: 'Take a snapshot of a VM or container; includeRam (VMs only) also saves the running memory.',
  input: z
    .object({
      vmid: vmidSchema,
      node: nodeSchema.optional(),
      name: snapshotNameSchema,
      description: z.string().max(500).optional(),
      includeRam: z.coerce.boolean().optional(),
    })
    .strict(),
  risk: 'change',
  target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
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
