import type { Target, ToolContext } from '../../src/core/tool.js';
import { rawConfig, readGuestConfig, type GuestConfigFacts } from '../../src/diagnose/guest-config.js';
import type { GuestStatus, Snapshot } from '../../src/proxmox/schemas/guests.js';
import type { NodeStatus, NodeStorage, NodeSummary, StorageVolume } from '../../src/proxmox/schemas/nodes.js';
import {
  pingAgent,
  readBackups,
  readBridges,
  readConfig,
  readNodeStatus,
  readNodes,
  readSnapshots,
  readStatus,
  readStorages,
} from './cluster-reads.js';

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

export async function readNodeFacts(ctx: ToolContext, name: string): Promise<NodeFacts> {
  const [summary, status, bridges, storages] = await Promise.all([
    attempt(async () => (await readNodes(ctx)).find((node) => node.node === name)),
    attempt(() => readNodeStatus(ctx, name)),
    attempt(() => readBridges(ctx, name)),
    attempt(() => readStorages(ctx, name)),
  ]);
  return { name, summary, status, bridges, storages };
}

/** Every read a guest's preflight may need, made at once; each can fail on its own. */
export async function readGuestFacts(ctx: ToolContext, target: Target): Promise<GuestFacts> {
  const type = target.guestType ?? 'qemu';
  const [status, config, snapshots, backups, node] = await Promise.all([
    attempt(() => readStatus(ctx, target)),
    attempt(async () => {
      const raw = await readConfig(ctx, target);
      const digest = typeof raw.digest === 'string' ? raw.digest : undefined;
      return { ...readGuestConfig(type, rawConfig(raw)), digest };
    }),
    attempt(() => readSnapshots(ctx, target)),
    attempt(() => readBackups(ctx, target.node!, target.vmid!)),
    readNodeFacts(ctx, target.node!),
  ]);
  const agentAsked =
    type === 'qemu' && status.ok && status.value.status === 'running' && config.ok && config.value.agentEnabled;
  const agent = agentAsked
    ? await attempt(async () => {
        await pingAgent(ctx, target);
        return true;
      })
    : undefined;
  return { target, status, config, snapshots, backups, agent, node };
}
