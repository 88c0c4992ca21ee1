import { z } from 'zod';

// Safety: node names, storage ids and snapshot names end up in API paths; these
// patterns are the whole defence against path tricks such as "../".

export const vmidSchema = z.coerce
  .number()
  .int('a whole number')
  .min(100, 'a VM/container id of 100 or more')
  .max(999_999_999, 'a VM/container id below 1000000000');

export const nodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/, 'a node name such as pve1')
  .describe('e.g. pve1');

export const snapshotNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'a letter first, then letters, digits, _ or -, at most 40 characters')
  .describe('e.g. before-upgrade');

export const limitSchema = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** Guest tools take a vmid and an optional node (resolved from the cluster when left out). */
export const guestArgs = z.object({ vmid: vmidSchema, node: nodeSchema.optional() }).strict();

export const storageSchema = z
  .string()
  .regex(/^[a-z][a-z0-9\-_.]*[a-z0-9]$/i, 'a storage id such as local-lvm')
  .describe('e.g. local-lvm');
