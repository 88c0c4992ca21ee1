import { defineTool } from '../src/core/tool.js';
import { bytes, duration, percent } from './support/format.js';
import { decidedGuestTarget, guestLabel, guestRef, resolveGuestTarget } from './support/guests.js';
import { longRunState, runState, shortRunState } from './support/run-state.js';
import { guestArgs } from './support/schemas.js';

export const vmStatus = defineTool({
  name: 'vm_status',
  title: 'Guest status',
  description:
    'Current state of one VM or container: status, QEMU status (io-error: paused by a full disk), lock, uptime, CPU, memory, HA state.',
  input: guestArgs,
  risk: 'read',
  target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
  async run(args, ctx) {
    const target = await decidedGuestTarget(ctx, args.vmid, args.node);
    const s = await ctx.proxmox.guests.status(guestRef(target), { signal: ctx.signal });
    const state = runState(s.status, s.qmpstatus);
    const lines = [
      `${guestLabel(target)} on ${target.node}: ${s.template ? 'template' : longRunState(state)}`,
      s.lock ? `lock: ${s.lock}` : undefined,
      s.status === 'running'
        ? `uptime ${duration(s.uptime)}, cpu ${percent(s.cpu)} of ${s.cpus ?? '?'}, mem ${bytes(s.mem)}/${bytes(s.maxmem)}`
        : `memory configured ${bytes(s.maxmem)}, cpus ${s.cpus ?? '?'}`,
      s.ha?.managed ? `HA: ${s.ha.state ?? 'managed'}` : undefined,
      target.tags?.length ? `tags: ${target.tags.join(', ')}` : undefined,
    ].filter(Boolean);
    return {
      text: lines.join('\n'),
      summary: `${guestLabel(target)}: ${shortRunState(state)}`,
      structured: { ...target, ...s, ...state },
    };
  },
});
