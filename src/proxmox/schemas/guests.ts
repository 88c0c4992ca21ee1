import { z } from 'zod';
import { maybe, pveBoolean, pveInteger, pveNumber, pveTags } from './wire.js';

export type GuestType = 'qemu' | 'lxc';

/** Which guest a call is about; tools resolve `node` before calling. */
export interface GuestRef {
  node: string;
  type: GuestType;
  vmid: number;
}

/** Power actions both guest types have; qemu adds `reset`. Each starts a task. */
export type PowerAction = 'start' | 'stop' | 'shutdown' | 'reboot' | 'suspend' | 'resume' | 'reset';

export interface PowerParams {
  /** Seconds a shutdown (or stop) may take. */
  timeout?: number;
  /** Stop when a clean shutdown times out. */
  forceStop?: boolean;
}

export interface SnapshotRequest {
  /** Letter first, then letters, digits, `_` or `-`; at most 40. */
  snapname: string;
  description?: string;
  /** Include RAM (qemu only). */
  vmstate?: boolean;
}

/** Config keys to write, in their wire form: property strings as strings, sizes and counts as numbers, flags as booleans. */
export type ConfigChanges = Record<string, string | number | boolean>;

export interface ConfigWriteParams {
  /** The config's digest as read: Proxmox refuses the write when someone changed the config since. */
  digest?: string;
}

/** `POST /nodes/{node}/qemu/{vmid}/clone`: a new VM from a template (linked or full) or a stopped VM (full). */
export interface CloneRequest {
  newid: number;
  name?: string;
  /** The node the clone lands on; the source's node when left out. */
  target?: string;
  /** Where the copied disks go (full copies only); the source's storages when left out. */
  storage?: string;
  /** false: a linked clone, from a template only. Proxmox's default is full for VMs, linked for templates. */
  full?: boolean;
}

/** `POST /nodes/{node}/qemu/{vmid}/migrate`. */
export interface MigrateRequest {
  target: string;
  /** Live migration of a running VM. */
  online?: boolean;
  /** Copy disks on local storage along (live migration needs it said). */
  withLocalDisks?: boolean;
}

const guestFields = {
  vmid: pveInteger,
  status: z.string(),
  name: maybe(z.string()),
  template: maybe(pveBoolean),
  tags: maybe(pveTags),
  lock: maybe(z.string()),
  qmpstatus: maybe(z.string()),
  pid: maybe(pveInteger),
  uptime: maybe(pveNumber),
  cpus: maybe(pveNumber),
  cpu: maybe(pveNumber),
  mem: maybe(pveNumber),
  maxmem: maybe(pveNumber),
  disk: maybe(pveNumber),
  maxdisk: maybe(pveNumber),
  netin: maybe(pveNumber),
  netout: maybe(pveNumber),
};

/** An item of `GET /nodes/{node}/qemu` or `/lxc` (with `full=1`, more keys pass through). */
export const GuestSummarySchema = z.looseObject(guestFields);
export type GuestSummary = z.infer<typeof GuestSummarySchema>;

/** `GET .../status/current`: the list item plus HA state and whether the agent is enabled. */
export const GuestStatusSchema = z.looseObject({
  ...guestFields,
  ha: maybe(z.looseObject({ managed: maybe(pveBoolean), state: maybe(z.string()), group: maybe(z.string()) })),
  agent: maybe(pveBoolean),
});
export type GuestStatus = z.infer<typeof GuestStatusSchema>;

/** Config keys keep their wire form: property strings (`net0`, `scsi0`, `memory`) are strings, integers numbers. */
export const GuestConfigSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type GuestConfig = z.infer<typeof GuestConfigSchema>;

export const SnapshotSchema = z.looseObject({
  name: z.string(),
  description: maybe(z.string()),
  snaptime: maybe(pveNumber),
  vmstate: maybe(pveBoolean),
  parent: maybe(z.string()),
  running: maybe(pveBoolean),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** The guest agent's replies come wrapped as `{ result: <QGA reply> }`. */
export const AgentOsInfoSchema = z.looseObject({
  result: z.looseObject({
    id: maybe(z.string()),
    name: maybe(z.string()),
    'pretty-name': maybe(z.string()),
    version: maybe(z.string()),
    'kernel-release': maybe(z.string()),
    machine: maybe(z.string()),
  }),
});
export type AgentOsInfo = z.infer<typeof AgentOsInfoSchema>['result'];

const IpAddress = z.looseObject({ 'ip-address-type': z.string(), 'ip-address': z.string(), prefix: maybe(pveInteger) });
export const AgentInterfacesSchema = z.looseObject({
  result: z.array(
    z.looseObject({
      name: z.string(),
      'hardware-address': maybe(z.string()),
      'ip-addresses': maybe(z.array(IpAddress)),
    }),
  ),
});
export type AgentInterface = z.infer<typeof AgentInterfacesSchema>['result'][number];

export const AgentPingSchema = z.looseObject({ result: z.unknown() }).nullable();
