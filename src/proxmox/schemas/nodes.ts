import { z } from 'zod';
import { maybe, pveBoolean, pveInteger, pveNumber } from './wire.js';

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

/** `GET /nodes/{node}/status`; `loadavg`, `cpuinfo.mhz` arrive as strings; `wait` is the IO wait fraction. */
export const NodeStatusSchema = z.looseObject({
  uptime: pveNumber,
  cpu: pveNumber,
  loadavg: maybe(z.array(pveNumber)),
  /** Fraction of CPU time spent waiting for IO. */
  wait: maybe(pveNumber),
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

export interface NetworkFilter {
  /** `bridge`, `any_bridge`, `eth`, ...: only interfaces of this type. */
  type?: string;
}

export interface SyslogRange {
  start?: number;
  limit?: number;
  since?: string;
  until?: string;
  service?: string;
}

/** `since`/`until` are unix seconds; `lastentries` the newest N lines. */
export interface JournalRange {
  since?: number;
  until?: number;
  lastentries?: number;
  startcursor?: string;
  endcursor?: string;
}

// A systemd journal cursor: `s=<seqnum id>;i=<seqnum>;b=<boot id>;m=...;t=...;x=...`.
const cursorPattern = /^s=[0-9a-f]+;i=[0-9a-f]+;b=[0-9a-f]+;/;

/** Journal lines apart from the cursors Proxmox's journal reader puts first and last. */
export function splitJournal(items: string[]) {
  const first = items[0];
  const last = items.length > 1 ? items.at(-1) : undefined;
  const startCursor = first !== undefined && cursorPattern.test(first) ? first : undefined;
  const endCursor = last !== undefined && cursorPattern.test(last) ? last : undefined;
  return { lines: items.slice(startCursor ? 1 : 0, endCursor ? -1 : undefined), startCursor, endCursor };
}

/** `GET /nodes/{node}/journal`: its own envelope, whose first and last items are cursors. */
export const JournalSchema = z.array(z.string()).transform(splitJournal);
export type JournalPage = z.infer<typeof JournalSchema>;

/** `GET /nodes/{node}/apt/update`: a package apt would upgrade, in APT.pm's capitalised field names. */
export const PendingUpdateSchema = z.looseObject({
  Package: z.string(),
  Version: z.string(),
  OldVersion: maybe(z.string()),
  Origin: maybe(z.string()),
  Title: maybe(z.string()),
  Priority: maybe(z.string()),
  Section: maybe(z.string()),
});
export type PendingUpdate = z.infer<typeof PendingUpdateSchema>;

/** `GET /nodes/{node}/time`: the node's clock, in unix seconds. */
export const NodeTimeSchema = z.looseObject({
  time: pveInteger,
  localtime: maybe(pveInteger),
  timezone: maybe(z.string()),
});
export type NodeTime = z.infer<typeof NodeTimeSchema>;
