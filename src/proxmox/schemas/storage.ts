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
});
export type StorageVolume = z.infer<typeof StorageVolumeSchema>;
