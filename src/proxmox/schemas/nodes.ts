import { z } from 'zod';
import { maybe, pveBoolean, pveInteger, pveList, pveNumber } from './wire.js';

export const NodeSummarySchema = z.looseObject({
  node: z.string(),
  status: z.string(),
  uptime: maybe(pveNumber),
  cpu: maybe(pveNumber),
  maxcpu: maybe(pveNumber),
  mem: maybe(pveNumber),
  maxmem: maybe(pveNumber),
  disk: maybe(pveNumber),
  maxdisk: maybe(pveNumber),
  ssl_fingerprint: maybe(z.string()),
});
export type NodeSummary = z.infer<typeof NodeSummarySchema>;

const Usage = z.looseObject({ total: pveNumber, used: pveNumber, free: maybe(pveNumber), avail: maybe(pveNumber) });

/** `GET /nodes/{node}/status`; `loadavg`, `cpuinfo.mhz` arrive as strings. */
export const NodeStatusSchema = z.looseObject({
  uptime: pveNumber,
  cpu: pveNumber,
  loadavg: maybe(z.array(pveNumber)),
  memory: Usage,
  swap: maybe(Usage),
  rootfs: maybe(Usage),
  cpuinfo: maybe(
    z.looseObject({
      model: maybe(z.string()),
      cpus: maybe(pveInteger),
      cores: maybe(pveInteger),
      sockets: maybe(pveInteger),
      mhz: maybe(pveNumber),
    }),
  ),
  kversion: maybe(z.string()),
  pveversion: maybe(z.string()),
});
export type NodeStatus = z.infer<typeof NodeStatusSchema>;

export const NetworkInterfaceSchema = z.looseObject({
  iface: z.string(),
  type: z.string(),
  active: maybe(pveBoolean),
  autostart: maybe(pveBoolean),
  method: maybe(z.string()),
  address: maybe(z.string()),
  netmask: maybe(z.string()),
  cidr: maybe(z.string()),
  gateway: maybe(z.string()),
  bridge_ports: maybe(z.string()),
  bridge_vlan_aware: maybe(pveBoolean),
  mtu: maybe(pveInteger),
  comments: maybe(z.string()),
});
export type NetworkInterface = z.infer<typeof NetworkInterfaceSchema>;

const storageFields = {
  type: z.string(),
  content: maybe(pveList),
  shared: maybe(pveBoolean),
  enabled: maybe(pveBoolean),
  active: maybe(pveBoolean),
  total: maybe(pveNumber),
  used: maybe(pveNumber),
  avail: maybe(pveNumber),
};

export const NodeStorageSchema = z.looseObject({
  storage: z.string(),
  ...storageFields,
  used_fraction: maybe(pveNumber),
});
export type NodeStorage = z.infer<typeof NodeStorageSchema>;

export const StorageStatusSchema = z.looseObject(storageFields);
export type StorageStatus = z.infer<typeof StorageStatusSchema>;

export const StorageVolumeSchema = z.looseObject({
  volid: z.string(),
  format: z.string(),
  size: pveNumber,
  content: maybe(z.string()),
  vmid: maybe(pveInteger),
  used: maybe(pveNumber),
  ctime: maybe(pveNumber),
  parent: maybe(z.string()),
  notes: maybe(z.string()),
  protected: maybe(pveBoolean),
});
export type StorageVolume = z.infer<typeof StorageVolumeSchema>;

/** The journal's own envelope: first and last items are cursors, the rest are lines. */
export const JournalDataSchema = z.array(z.string());
