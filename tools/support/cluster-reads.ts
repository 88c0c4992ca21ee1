import { z } from 'zod';
import type { Target, ToolContext } from '../../src/core/tool.js';
import {
  GuestConfigSchema,
  GuestStatusSchema,
  SnapshotSchema,
  type GuestConfig,
  type GuestStatus,
  type Snapshot,
} from '../../src/proxmox/schemas/guests.js';
import {
  NetworkInterfaceSchema,
  NodeStatusSchema,
  NodeStorageSchema,
  NodeSummarySchema,
  StorageVolumeSchema,
  type NodeStatus,
  type NodeStorage,
  type NodeSummary,
  type StorageVolume,
} from '../../src/proxmox/schemas/nodes.js';
import { guestPath } from './guests.js';

/** The reads a preflight makes, each parsed with the wire model once. */

const options = (ctx: ToolContext) => ({ signal: ctx.signal });

export async function readStatus(ctx: ToolContext, target: Target): Promise<GuestStatus> {
  return GuestStatusSchema.parse(await ctx.proxmox.get(`${guestPath(target)}/status/current`, {}, options(ctx)));
}

export async function readConfig(ctx: ToolContext, target: Target): Promise<GuestConfig> {
  return GuestConfigSchema.parse(await ctx.proxmox.get(`${guestPath(target)}/config`, {}, options(ctx)));
}

/** The guest's snapshots, without the `current` pseudo-entry. */
export async function readSnapshots(ctx: ToolContext, target: Target): Promise<Snapshot[]> {
  const list = z.array(SnapshotSchema).parse(await ctx.proxmox.get(`${guestPath(target)}/snapshot`, {}, options(ctx)));
  return list.filter((snapshot) => snapshot.name !== 'current');
}

/** Resolves when the QEMU guest agent answers a ping. */
export async function pingAgent(ctx: ToolContext, target: Target): Promise<void> {
  await ctx.proxmox.post(`${guestPath(target)}/agent/ping`, {}, { ...options(ctx), timeoutMs: 5_000 });
}

export async function readNodes(ctx: ToolContext): Promise<NodeSummary[]> {
  return z.array(NodeSummarySchema).parse(await ctx.proxmox.get('/nodes', {}, options(ctx)));
}

export async function readNodeStatus(ctx: ToolContext, node: string): Promise<NodeStatus> {
  return NodeStatusSchema.parse(await ctx.proxmox.get(`/nodes/${node}/status`, {}, options(ctx)));
}

export async function readBridges(ctx: ToolContext, node: string): Promise<string[]> {
  const list = z
    .array(NetworkInterfaceSchema)
    .parse(await ctx.proxmox.get(`/nodes/${node}/network`, { type: 'any_bridge' }, options(ctx)));
  return list.filter((item) => /bridge/i.test(item.type)).map((item) => item.iface);
}

export async function readStorages(ctx: ToolContext, node: string): Promise<NodeStorage[]> {
  return z.array(NodeStorageSchema).parse(await ctx.proxmox.get(`/nodes/${node}/storage`, {}, options(ctx)));
}

/** Backups of one guest on every storage of the node that holds backups. */
export async function readBackups(ctx: ToolContext, node: string, vmid: number): Promise<StorageVolume[]> {
  const storages = (await readStorages(ctx, node)).filter(
    (storage) => storage.content?.includes('backup') && storage.active !== false,
  );
  const lists = await Promise.all(
    storages.map(async (storage) =>
      z
        .array(StorageVolumeSchema)
        .parse(
          await ctx.proxmox.get(
            `/nodes/${node}/storage/${storage.storage}/content`,
            { content: 'backup', vmid },
            options(ctx),
          ),
        ),
    ),
  );
  return lists.flat();
}

/** The lowest free vmid, as Proxmox proposes it. */
export async function nextFreeVmid(ctx: ToolContext): Promise<number> {
  return Number(await ctx.proxmox.get('/cluster/nextid', {}, options(ctx)));
}
