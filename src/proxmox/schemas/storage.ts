import { z } from 'zod';
import { maybe, pveBoolean, pveInteger, pveList, pveNumber } from './wire.js';

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

export interface StorageContentFilter {
  /** `images`, `iso`, `backup`, `snippets`, ...: only volumes of this content type. */
  content?: string;
  /** Only volumes that belong to this guest. */
  vmid?: number;
}

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
  /** Backups: the guest type (`qemu`, `lxc`). */
  subtype: maybe(z.string()),
  /** Backups on Proxmox Backup Server: the last verification. */
  verification: maybe(z.looseObject({ state: z.string(), upid: maybe(z.string()) })),
});
export type StorageVolume = z.infer<typeof StorageVolumeSchema>;

/** An `rrddata` request: 70 rows at the timeframe's resolution (hour 1 min ... year 1 week). */
export interface RrdQuery {
  timeframe: 'hour' | 'day' | 'week' | 'month' | 'year';
  cf?: 'AVERAGE' | 'MAX';
}

/** A row of a storage's `rrddata`; rows without data carry only `time`. */
export const StorageRrdRowSchema = z.looseObject({
  time: pveInteger,
  total: maybe(pveNumber),
  used: maybe(pveNumber),
});
export type StorageRrdRow = z.infer<typeof StorageRrdRowSchema>;
