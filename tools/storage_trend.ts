import { z } from 'zod';
import { defineTool } from '../src/core/tool.js';
import { readBasics } from '../src/health/read-basics.js';
import { readStorageTrends } from '../src/health/read-storage-trends.js';
import type { StorageTrend } from '../src/health/storage-trend.js';
import { bytes, percent, table } from './support/format.js';
import { nodeTarget } from './support/guests.js';
import { nodeSchema, storageSchema } from './support/schemas.js';

export const storageTrend = defineTool({
  name: 'storage_trend',
  title: 'Storage trend',
  description: 'Storage use now, growth per day over the last week, and when it will be full.',
  input: z.object({ node: nodeSchema.optional(), storage: storageSchema.optional() }).strict(),
  risk: 'read',
  target: async (args, ctx) => nodeTarget(ctx, args.node),
  async run(args, ctx) {
    const call = { signal: ctx.signal };
    const basics = await readBasics(
      ctx.proxmox,
      { storages: true, fallbackNow: ctx.now, ...(args.node ? { node: args.node } : {}) },
      call,
    );
    const storages = basics.storages.map(({ node, storages: list }) => ({
      node,
      storages: list.filter((storage) => !args.storage || storage.storage === args.storage),
    }));
    const trends = await readStorageTrends(ctx.proxmox, storages, call);
    const soon = trends.filter((trend) => trend.daysUntilFull !== undefined && trend.daysUntilFull <= 7);
    return {
      text: trends.length === 0 ? 'no matching active storage' : trendText(trends),
      summary: `${trends.length} storages${soon.length ? `, full within a week: ${soon.map((t) => `${t.node}/${t.storage}`).join(', ')}` : ''}`,
      structured: { storages: trends },
    };
  },
});

function fullIn(trend: StorageTrend): string {
  if (trend.daysUntilFull === 0) return 'full now';
  if (trend.daysUntilFull === undefined) return trend.growthPerDay === undefined ? 'unknown' : 'not growing';
  return `in ${Math.max(1, Math.floor(trend.daysUntilFull))} days`;
}

function trendText(trends: readonly StorageTrend[]): string {
  const rows = trends.map((trend) => [
    trend.node,
    trend.storage,
    trend.type,
    percent(trend.total ? trend.used / trend.total : undefined),
    `${bytes(trend.used)}/${bytes(trend.total)}`,
    trend.growthPerDay === undefined
      ? '-'
      : `${trend.growthPerDay < 0 ? '-' : '+'}${bytes(Math.abs(trend.growthPerDay))}/day`,
    fullIn(trend),
  ]);
  return table(['NODE', 'STORAGE', 'TYPE', 'USED', 'USED/SIZE', 'GROWTH', 'FULL'], rows);
}
