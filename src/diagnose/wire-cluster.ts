import { z } from 'zod';

/** Cluster-wide lists find_problems reads. */

const flag = z
  .union([z.boolean(), z.number(), z.string()])
  .transform((value) => value === true || value === 1 || value === '1');

export const nodeListSchema = z.object({
  node: z.string(),
  status: z.string().default('unknown'),
  maxmem: z.coerce.number().optional(),
});

export const qemuListSchema = z.object({ vmid: z.coerce.number(), qmpstatus: z.string().optional() });

export const storageResourceSchema = z
  .object({
    storage: z.string(),
    node: z.string(),
    plugintype: z.string().default('unknown'),
    status: z.string().default('unknown'),
    shared: flag.default(false),
    disk: z.coerce.number().optional(),
    maxdisk: z.coerce.number().optional(),
  })
  .transform((item) => ({
    storage: item.storage,
    node: item.node,
    plugintype: item.plugintype,
    status: item.status,
    shared: item.shared,
    used: item.disk,
    total: item.maxdisk,
  }));
