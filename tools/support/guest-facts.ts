import type { Target, ToolContext } from '../../src/core/tool.js';
import { rawConfig, readGuestConfig, type GuestConfigFacts } from '../../src/diagnose/guest-config.js';
import type {
  GuestStatus,
  NodeStatus,
  NodeStorage,
  NodeSummary,
  Snapshot,
  StorageVolume,
} from '../../src/proxmox/schemas/index.js';
import { guestRef } from './guests.js';

/** A read that may have failed: a preview says so instead of guessing. */
export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

export async function attempt<T>(work: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}

export interface NodeFacts {
  name: string;
  /** From /nodes: `online`, `offline` or `unknown`. */
  summary: Read<NodeSummary | undefined>;
  status: Read<NodeStatus>;
  bridges: Read<string[]>;
  storages: Read<NodeStorage[]>;
}

/** What a preflight knows about a guest, read for this call. */
export interface GuestFacts {
  target: Target;
  status: Read<GuestStatus>;
  config: Read<GuestConfigFacts & { digest: string | undefined }>;
  snapshots: Read<Snapshot[]>;
  backups: Read<StorageVolume[]>;
  /** Only asked of a running VM whose agent is enabled. */
  agent: Read<boolean> | undefined;
  node: NodeFacts;
}

const options = (ctx: ToolContext) => ({ signal: ctx.signal });

/** The guest's config as the diagnosis reads it, with the digest a write must name. */
export async function readConfigFacts(
  ctx: ToolContext,
  target: Target,
): Promise<GuestConfigFacts & { digest: string | undefined }> {
  const ref = guestRef(target);
  const config = await ctx.proxmox.guests.config(ref, options(ctx));
  const digest = typeof config.digest === 'string' ? config.digest : undefined;
  return { ...readGuestConfig(ref.type, rawConfig(config)), digest };
}

/** The guest's snapshots, without the `current` pseudo-entry. */
async function readSnapshots(ctx: ToolContext, target: Target): Promise<Snapshot[]> {
  const list = await ctx.proxmox.guests.snapshots(guestRef(target), options(ctx));
  return list.filter((snapshot) => snapshot.name !== 'current');
}

async function readBridges(ctx: ToolContext, node: string): Promise<string[]> {
  const list = await ctx.proxmox.nodes.network(node, { type: 'any_bridge' }, options(ctx));
  return list.filter((item) => /bridge/i.test(item.type)).map((item) => item.iface);
}

/** Backups of one guest on every active storage of the node that holds backups. */
async function readBackups(ctx: ToolContext, node: string, vmid: number): Promise<StorageVolume[]> {
  const storages = (await ctx.proxmox.storage.list(node, options(ctx))).filter(
    (storage) => storage.content?.includes('backup') && storage.active !== false,
  );
  const lists = await Promise.all(
    storages.map((storage) =>
      ctx.proxmox.storage.content(node, storage.storage, { content: 'backup', vmid }, options(ctx)),
    ),
  );
  return lists.flat();
}

export async function readNodeFacts(ctx: ToolContext, name: string): Promise<NodeFacts> {
  const [summary, status, bridges, storages] = await Promise.all([
    attempt(async () => (await ctx.proxmox.nodes.list(options(ctx))).find((node) => node.node === name)),
    attempt(() => ctx.proxmox.nodes.status(name, options(ctx))),
    attempt(() => readBridges(ctx, name)),
    attempt(() => ctx.proxmox.storage.list(name, options(ctx))),
  ]);
  return { name, summary, status, bridges, storages };
}

/** Every read a guest's preflight may need, made at once; each can fail on its own. */
export async function readGuestFacts(ctx: ToolContext, target: Target): Promise<GuestFacts> {
  const ref = guestRef(target);
  const [status, config, snapshots, backups, node] = await Promise.all([
    attempt(() => ctx.proxmox.guests.status(ref, options(ctx))),
    attempt(() => readConfigFacts(ctx, target)),
    attempt(() => readSnapshots(ctx, target)),
    attempt(() => readBackups(ctx, ref.node, ref.vmid)),
    readNodeFacts(ctx, ref.node),
  ]);
  const agentAsked =
    ref.type === 'qemu' && status.ok && status.value.status === 'running' && config.ok && config.value.agentEnabled;
  const agent = agentAsked
    ? await attempt(async () => {
        await ctx.proxmox.guests.agentPing(ref, { ...options(ctx), timeoutMs: 5_000 });
        return true;
      })
    : undefined;
  return { target, status, config, snapshots, backups, agent, node };
}
