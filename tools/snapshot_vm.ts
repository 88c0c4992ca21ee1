import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import { guestPath, decidedGuestTarget, resolveGuestTarget } from './support/guests.js';
import { nodeSchema, snapshotNameSchema, vmidSchema } from './support/schemas.js';
import { runGuestTask } from './support/task.js';

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
    const params = {
      snapname: args.name,
      ...(args.description ? { description: args.description } : {}),
      ...(args.includeRam && target.guestType === 'qemu' ? { vmstate: 1 } : {}),
    };
    return runGuestTask(ctx, target, `snapshot ${args.name} of`, `${guestPath(target)}/snapshot`, params);
  },
});
