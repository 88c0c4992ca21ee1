import type { CallOptions, ProxmoxApi } from '../core/ports/proxmox-api.js';
import { mapLimited } from '../diagnose/map-limited.js';
import type { NodeStorage } from '../proxmox/schemas/index.js';
import type { NodeStorages } from './read-basics.js';
import { storageTrend, type StorageTrend } from './storage-trend.js';

/**
 * The trend of every active storage with a size, from a week of RRD averages
 * (3-hour rows); a shared storage once, from the first node that lists it.
 */
export async function readStorageTrends(
  api: ProxmoxApi,
  perNode: readonly NodeStorages[],
  options: CallOptions,
): Promise<StorageTrend[]> {
  const seen = new Set<string>();
  const wanted: Array<{ node: string; storage: NodeStorage }> = [];
  for (const { node, storages } of perNode)
    for (const storage of storages) {
      if (!storage.active || !storage.total) continue;
      if (storage.shared && seen.has(storage.storage)) continue;
      seen.add(storage.storage);
      wanted.push({ node, storage });
    }
  return mapLimited(wanted, 8, async ({ node, storage }) => {
    const rows = await api.storage.rrd(node, storage.storage, { timeframe: 'week', cf: 'AVERAGE' }, options);
    const samples = rows.flatMap((row) => (row.used === undefined ? [] : [{ time: row.time, used: row.used }]));
    return storageTrend(
      { node, storage: storage.storage, type: storage.type, used: storage.used ?? 0, total: storage.total ?? 0 },
      samples,
    );
  });
}
