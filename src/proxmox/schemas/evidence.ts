import { z } from 'zod';
import { pveBoolean, pveNumber, pveTags } from './wire.js';

/**
 * The shapes a diagnosis reads (through the port's `readRaw`), parsed leniently item by item
 * with the wire model's scalars (0/1 flags, numbers as strings): one unreadable item costs that
 * item, not the diagnosis.
 */

export const resourceGuestSchema = z.object({
  vmid: pveNumber,
  type: z.enum(['qemu', 'lxc']),
  node: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  lock: z.string().optional(),
  template: pveBoolean.optional(),
  hastate: z.string().optional(),
  maxmem: pveNumber.optional(),
  tags: pveTags.optional(),
});
export type ResourceGuest = z.infer<typeof resourceGuestSchema>;

export const statusCurrentSchema = z.object({
  status: z.string(),
  qmpstatus: z.string().optional(),
  lock: z.string().optional(),
  template: pveBoolean.optional(),
  name: z.string().optional(),
  maxmem: pveNumber.optional(),
  ha: z.object({ managed: pveBoolean.optional(), state: z.string().optional() }).optional(),
});

export const nodeStatusSchema = z.object({
  memory: z.object({ total: pveNumber, used: pveNumber }).optional(),
  cpuinfo: z
    .object({ hvm: pveBoolean.optional(), flags: z.string().optional(), cpus: pveNumber.optional() })
    .optional(),
});

export const interfaceSchema = z.object({
  iface: z.string(),
  type: z.string().default('unknown'),
  active: pveBoolean.optional(),
  bridge_ports: z.string().optional(),
  ovs_ports: z.string().optional(),
  bridge_vlan_aware: pveBoolean.optional(),
  mtu: pveNumber.optional(),
});

export const storageSchema = z.object({
  storage: z.string(),
  type: z.string().default('unknown'),
  active: pveBoolean.optional(),
  enabled: pveBoolean.optional(),
  total: pveNumber.optional(),
  used: pveNumber.optional(),
  content: z.string().optional(),
});

export const pciDeviceSchema = z.object({ id: z.string(), iommugroup: pveNumber.default(-1) });
export const usbDeviceSchema = z.object({
  vendid: z.string(),
  prodid: z.string(),
  busnum: pveNumber,
  usbpath: z.string().optional(),
  port: pveNumber.optional(),
});
export const machineSchema = z.object({ id: z.string() });

export const volumeSchema = z.object({ volid: z.string() });

export const taskSchema = z.object({
  upid: z.string(),
  node: z.string().optional(),
  id: z.string().optional(),
  type: z.string(),
  user: z.string().default(''),
  tokenid: z.string().optional(),
  starttime: pveNumber,
  endtime: pveNumber.optional(),
  status: z.string().optional(),
});
export type WireTask = z.infer<typeof taskSchema>;

export const logLineSchema = z.object({ n: pveNumber, t: z.string() });

export const clusterStatusSchema = z.object({
  type: z.string(),
  name: z.string().optional(),
  quorate: pveBoolean.optional(),
  online: pveBoolean.optional(),
  local: pveBoolean.optional(),
});

export const haStatusSchema = z.object({
  type: z.string().optional(),
  sid: z.string().optional(),
  state: z.string().optional(),
  crm_state: z.string().optional(),
});

export const permissionsSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

/** Items of a list that fit the schema; the rest are left out rather than failing the diagnosis. */
export function parseList<T>(schema: z.ZodType<T>, data: unknown): T[] {
  if (!Array.isArray(data)) return [];
  return data.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export function parseOne<T>(schema: z.ZodType<T>, data: unknown): T | undefined {
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

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
