import { z } from 'zod';
import { pveTags } from '../proxmox/schemas/wire.js';

/** The shapes a diagnosis reads, parsed at the boundary; Proxmox sends 0/1 and numbers as strings at times. */

const flag = z
  .union([z.boolean(), z.number(), z.string()])
  .transform((value) => value === true || value === 1 || value === '1');
const count = z.coerce.number();

export const resourceGuestSchema = z.object({
  vmid: count,
  type: z.enum(['qemu', 'lxc']),
  node: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  lock: z.string().optional(),
  template: flag.optional(),
  hastate: z.string().optional(),
  maxmem: count.optional(),
  tags: pveTags.optional(),
});
export type ResourceGuest = z.infer<typeof resourceGuestSchema>;

export const statusCurrentSchema = z.object({
  status: z.string(),
  qmpstatus: z.string().optional(),
  lock: z.string().optional(),
  template: flag.optional(),
  name: z.string().optional(),
  maxmem: count.optional(),
  ha: z.object({ managed: flag.optional(), state: z.string().optional() }).optional(),
});

export const nodeStatusSchema = z.object({
  memory: z.object({ total: count, used: count }).optional(),
  cpuinfo: z.object({ hvm: flag.optional(), flags: z.string().optional(), cpus: count.optional() }).optional(),
});

export const interfaceSchema = z.object({
  iface: z.string(),
  type: z.string().default('unknown'),
  active: flag.optional(),
  bridge_ports: z.string().optional(),
  ovs_ports: z.string().optional(),
  bridge_vlan_aware: flag.optional(),
  mtu: count.optional(),
});

export const storageSchema = z.object({
  storage: z.string(),
  type: z.string().default('unknown'),
  active: flag.optional(),
  enabled: flag.optional(),
  total: count.optional(),
  used: count.optional(),
  content: z.string().optional(),
});

export const pciDeviceSchema = z.object({ id: z.string(), iommugroup: count.default(-1) });
export const usbDeviceSchema = z.object({
  vendid: z.string(),
  prodid: z.string(),
  busnum: count,
  usbpath: z.string().optional(),
  port: count.optional(),
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
  starttime: count,
  endtime: count.optional(),
  status: z.string().optional(),
});
export type WireTask = z.infer<typeof taskSchema>;

export const logLineSchema = z.object({ n: count, t: z.string() });

export const clusterStatusSchema = z.object({
  type: z.string(),
  name: z.string().optional(),
  quorate: flag.optional(),
  online: flag.optional(),
  local: flag.optional(),
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
