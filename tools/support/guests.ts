import type { GuestRef, GuestResource } from '../../src/proxmox/schemas/index.js';
import type { Target, ToolContext } from '../../src/core/tool.js';
import { ToolInputError } from './tool-input-error.js';

export { guestLabel } from '../../src/core/target-label.js';

/** Every VM and container the caller may see, from `/cluster/resources?type=vm`, read once per agent turn. */
export function listGuests(ctx: ToolContext): Promise<readonly GuestResource[]> {
  const read = () => ctx.proxmox.cluster.guests({ signal: ctx.signal });
  return ctx.turnReads ? ctx.turnReads.remember('cluster.guests', read) : read();
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
    tags: guest.tags ?? [],
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

/** The guest a resolved target names, as the port's guest calls take it. */
export function guestRef(target: Target): GuestRef {
  if (target.node === undefined || target.vmid === undefined || target.guestType === undefined)
    throw new Error('guestRef needs a target resolved to one guest');
  return { node: target.node, type: target.guestType, vmid: target.vmid };
}

/** Target of a node-level tool. */
export function nodeTarget(ctx: ToolContext, node?: string): Target {
  return { profile: ctx.profile, ...(ctx.cluster ? { cluster: ctx.cluster } : {}), ...(node ? { node } : {}) };
}
