import type { z } from 'zod';
import { defineTool, type Risk } from '../../src/core/tool.js';
import type { PowerParams } from '../../src/proxmox/schemas/index.js';
import { runGuestTask } from './guest-task.js';
import { decidedGuestTarget, guestRef, resolveGuestTarget } from './guests.js';
import { powerPreflight } from './power-preflight.js';
import { guestArgs } from './schemas.js';

export interface PowerArgs {
  vmid: number;
  node?: string;
  timeoutSeconds?: number;
}

export type PowerToolAction = 'start' | 'shutdown' | 'reboot' | 'stop';

interface PowerToolSpec {
  name: string;
  title: string;
  description: string;
  action: PowerToolAction;
  risk: Risk;
  /** Defaults to vmid + node. */
  input?: z.ZodType<PowerArgs>;
  params?: (args: PowerArgs) => PowerParams;
}

/** start_vm, shutdown_vm, reboot_vm, stop_vm: one Proxmox power endpoint each, checked first, waited for to the end. */
export function powerTool(spec: PowerToolSpec) {
  return defineTool<PowerArgs>({
    name: spec.name,
    title: spec.title,
    description: spec.description,
    input: spec.input ?? guestArgs,
    risk: spec.risk,
    target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
    preflight: (_args, ctx) => powerPreflight(spec.action, ctx),
    async run(args, ctx) {
      const target = await decidedGuestTarget(ctx, args.vmid, args.node);
      return runGuestTask(ctx, target, spec.action, () =>
        ctx.proxmox.guests.power(guestRef(target), spec.action, spec.params?.(args) ?? {}, { signal: ctx.signal }),
      );
    },
  });
}
