import { z } from 'zod';
import { maybe, pveBoolean, pveInteger, pveList, pveNumber, pveTags } from './wire.js';

export const VersionSchema = z.looseObject({ version: z.string(), release: z.string(), repoid: maybe(z.string()) });
export type PveVersion = z.infer<typeof VersionSchema>;

/**
 * One item of `/cluster/resources`: a node, guest, storage, pool or SDN entry
 * (type says which). Other keys are dropped: this list can hold thousands of
 * items, and passing unknown keys through doubles the parse time.
 */
export const ClusterResourceSchema = z.object({
  id: z.string(),
  type: z.string(),
  node: maybe(z.string()),
  status: maybe(z.string()),
  vmid: maybe(pveInteger),
  name: maybe(z.string()),
  template: maybe(pveBoolean),
  tags: maybe(pveTags),
  lock: maybe(z.string()),
  hastate: maybe(z.string()),
  pool: maybe(z.string()),
  storage: maybe(z.string()),
  plugintype: maybe(z.string()),
  shared: maybe(pveBoolean),
  content: maybe(pveList),
  uptime: maybe(pveNumber),
  cpu: maybe(pveNumber),
  maxcpu: maybe(pveNumber),
  mem: maybe(pveNumber),
  maxmem: maybe(pveNumber),
  disk: maybe(pveNumber),
  maxdisk: maybe(pveNumber),
  netin: maybe(pveNumber),
  netout: maybe(pveNumber),
  diskread: maybe(pveNumber),
  diskwrite: maybe(pveNumber),
  memhost: maybe(pveNumber),
});
export type ClusterResource = z.infer<typeof ClusterResourceSchema>;
export type ClusterResourceType = 'vm' | 'storage' | 'node' | 'sdn';

/** A guest item of `/cluster/resources`: those always carry the vmid and node. */
export type GuestResource = ClusterResource & { type: 'qemu' | 'lxc'; vmid: number; node: string };

export function isGuestResource(item: ClusterResource): item is GuestResource {
  return (item.type === 'qemu' || item.type === 'lxc') && item.vmid !== undefined && item.node !== undefined;
}

/** A storage item of `/cluster/resources`: one storage as one node sees it, with its fill. */
export type StorageResource = ClusterResource & { type: 'storage'; storage: string; node: string };

export function isStorageResource(item: ClusterResource): item is StorageResource {
  return item.type === 'storage' && item.storage !== undefined && item.node !== undefined;
}

/** `GET /cluster/nextid`: with `vmid`, Proxmox answers that id when it is free and refuses it (400) when taken. */
export interface NextIdQuery {
  vmid?: number;
}

export const ClusterStatusEntrySchema = z.looseObject({
  type: z.string(),
  id: z.string(),
  name: z.string(),
  nodes: maybe(pveInteger),
  quorate: maybe(pveBoolean),
  version: maybe(pveInteger),
  nodeid: maybe(pveInteger),
  ip: maybe(z.string()),
  local: maybe(pveBoolean),
  online: maybe(pveBoolean),
});
export type ClusterStatusEntry = z.infer<typeof ClusterStatusEntrySchema>;

export const HaStatusEntrySchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  node: maybe(z.string()),
  sid: maybe(z.string()),
  state: maybe(z.string()),
  crm_state: maybe(z.string()),
  request_state: maybe(z.string()),
  quorate: maybe(pveBoolean),
});
export type HaStatusEntry = z.infer<typeof HaStatusEntrySchema>;

/** `GET /cluster/nextid` is declared integer but often arrives as a string. */
export const NextIdSchema = pveInteger;

/** `GET /cluster/firewall/options`: options never set are left out (the firewall is then off). */
export const FirewallOptionsSchema = z.looseObject({
  enable: maybe(pveBoolean),
  policy_in: maybe(z.string()),
  policy_out: maybe(z.string()),
});
export type FirewallOptions = z.infer<typeof FirewallOptionsSchema>;
