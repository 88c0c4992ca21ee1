import type { CallOptions, ProxmoxApi } from '../core/ports/proxmox-api.js';
import { mapLimited } from '../diagnose/map-limited.js';
import type { GuestResource, NodeStorage, NodeSummary } from '../proxmox/schemas/index.js';

/** A node's view of its storages, as `GET /nodes/{node}/storage` lists them. */
export interface NodeStorages {
  node: string;
  storages: NodeStorage[];
}

/** What every health check starts from: the nodes, the online ones (or the one asked for), their guests and storages. */
export interface ClusterBasics {
  /** The cluster's clock (unix seconds), read from its first online node; this machine's when unreadable. */
  now: number;
  nodes: NodeSummary[];
  online: string[];
  guests: GuestResource[];
  storages: NodeStorages[];
}

export async function readBasics(
  api: ProxmoxApi,
  scope: { node?: string; storages: boolean; fallbackNow: () => Date },
  options: CallOptions,
): Promise<ClusterBasics> {
  const [nodes, guests] = await Promise.all([api.nodes.list(options), api.cluster.guests(options)]);
  const online = nodes
    .filter((node) => node.status === 'online' && (scope.node === undefined || node.node === scope.node))
    .map((node) => node.node)
    .sort();
  const storages = scope.storages
    ? await mapLimited(online, 4, async (node) => ({ node, storages: await api.storage.list(node, options) }))
    : [];
  const clock = online[0] === undefined ? undefined : await api.nodes.time(online[0], options).catch(() => undefined);
  return {
    now: clock?.time ?? Math.floor(scope.fallbackNow().getTime() / 1000),
    nodes,
    online,
    guests: guests.filter((guest) => scope.node === undefined || guest.node === scope.node),
    storages,
  };
}
