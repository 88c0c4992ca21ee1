import { fenceAsData } from '../src/core/fence.js';
import { defineTool } from '../src/core/tool.js';
import { decidedGuestTarget, guestLabel, guestRef, resolveGuestTarget } from './support/guests.js';
import { guestArgs } from './support/schemas.js';

const skipped = new Set(['digest']);

export const vmConfig = defineTool({
  name: 'vm_config',
  title: 'Guest configuration',
  description:
    'Configuration of one VM or container: memory, cores, disks, NICs and bridges, boot order, passthrough, cloud-init, lock.',
  input: guestArgs,
  risk: 'read',
  target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
  async run(args, ctx) {
    const target = await decidedGuestTarget(ctx, args.vmid, args.node);
    const config = await ctx.proxmox.guests.config(guestRef(target), { signal: ctx.signal });
    const keys = Object.keys(config)
      .filter((key) => !skipped.has(key))
      .sort();
    return {
      text: `${guestLabel(target)} on ${target.node}:\n${fenceAsData(
        `the configuration of ${guestLabel(target)}`,
        keys.map((key) => `${key}: ${String(config[key])}`),
      )}`,
      summary: `${guestLabel(target)}: ${keys.length} settings`,
      structured: { ...target, config },
    };
  },
});
