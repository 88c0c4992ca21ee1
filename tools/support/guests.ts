import { z } from 'zod';
import type { Target, ToolContext } from '../../src/core/tool.js';
import { ToolInputError } from './tool-input-error.js';

export { guestLabel } from '../../src/core/target-label.js';

const resourceSchema = z.object({
  vmid: z.coerce.number(),
  type: z.enum(['qemu', 'lxc']),
  node: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  template: z.coerce.number().optional(),
  tags: z.string().optional(),
  lock: z.string().optional(),
  hastate: z.string().optional(),
  uptime: z.coerce.number().optional(),
  cpu: z.coerce.number().optional(),
  maxcpu: z.coerce.number().optional(),
  mem: z.coerce.number().optional(),
  maxmem: z.coerce.number().optional(),
});

export type GuestResource = z.infer<typeof resourceSchema>;

/** Every VM and container the caller may see, from `/cluster/resources?type=vm`. */
export async function listGuests(ctx: ToolContext): Promise<GuestResource[]> {
  const raw = await ctx.proxmox.get<unknown[]>('/cluster/resources', { type: 'vm' }, { signal: ctx.signal });
  return raw.flatMap((item) => {
    const parsed = resourceSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Proxmox joins tags with ";" (older releases also "," or spaces). */
export function splitTags(tags: string | undefined): string[] {
  return (tags ?? '').split(/[;, ]+/).filter(Boolean);
}

/** Finds a guest by vmid; a node given by the caller must be where it really is. */
export async function findGuest(ctx: ToolContext, vmid: number, node?: string): Promise<GuestResource> {
  const guest = (await listGuests(ctx)).find((item) => item.vmid === vmid);
  if (!guest)
    throw new ToolInputError(
      `there is no VM or container ${vmid} in this cluster (or this token may not see it); list_vms shows the ids`,
    );
  if (node && node !== guest.node)
    throw new ToolInputError(
      `${guest.type === 'lxc' ? 'container' : 'VM'} ${vmid} is on node ${guest.node}, not ${node}`,
    );
  return guest;
}

export function guestTarget(
  ctx: ToolContext,
  guest: Pick<GuestResource, 'node' | 'vmid' | 'name' | 'tags' | 'type'>,
): Target {
  return {
    profile: ctx.profile,
    ...(ctx.cluster ? { cluster: ctx.cluster } : {}),
    node: guest.node,
    vmid: guest.vmid,
    ...(guest.name ? { name: guest.name } : {}),
    tags: splitTags(guest.tags),
    guestType: guest.type,
  };
}

/** Target of a guest tool: resolved from the cluster, never from the caller's words. */
export async function resolveGuestTarget(ctx: ToolContext, vmid: number, node?: string): Promise<Target> {
  return guestTarget(ctx, await findGuest(ctx, vmid, node));
}

/**
 * The target run() acts on: the one the scheduler resolved, showed in the
 * confirmation and decided on (so the action cannot drift to another guest
 * between approval and execution); resolved afresh only outside the scheduler.
 */
export async function decidedGuestTarget(ctx: ToolContext, vmid: number, node?: string): Promise<Target> {
  if (ctx.target?.vmid === vmid && ctx.target.guestType) return ctx.target;
  return resolveGuestTarget(ctx, vmid, node);
}

/** Target of a node-level tool. */
export function nodeTarget(ctx: ToolContext, node?: string): Target {
  return { profile: ctx.profile, ...(ctx.cluster ? { cluster: ctx.cluster } : {}), ...(node ? { node } : {}) };
}

/** `/nodes/pve1/qemu/101` for a resolved target. */
export function guestPath(target: Target): string {
  return `/nodes/${target.node}/${target.guestType}/${target.vmid}`;
}
