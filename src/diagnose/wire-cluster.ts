import { z } from 'zod';
import { pveBoolean, pveNumber } from '../proxmox/schemas/wire.js';

/** Cluster-wide lists find_problems reads. */

export const nodeListSchema = z.object({
  node: z.string(),
  status: z.string().default('unknown'),
  maxmem: pveNumber.optional(),
});

export const qemuListSchema = z.object({ vmid: pveNumber, qmpstatus: z.string().optional() });

export const storageResourceSchema = z
  .object({
    storage: z.string(),
    node: z.string(),
    plugintype: z.string().default('unknown'),
    status: z.string().default('unknown'),
    shared: pveBoolean.default(false),
    disk: pveNumber.optional(),
    maxdisk: pveNumber.optional(),
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
