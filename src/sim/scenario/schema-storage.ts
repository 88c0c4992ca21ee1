import { z } from 'zod';
import { Timestamp, Vmid } from './schema-parts.js';

/** Storages and what they hold, as the scenario declares them (docs/architecture.md, "The simulator"). */

export const storageTypes = [
  'dir',
  'lvm',
  'lvmthin',
  'zfspool',
  'btrfs',
  'nfs',
  'cifs',
  'cephfs',
  'rbd',
  'iscsi',
  'pbs',
] as const;

export const storageContents = ['images', 'rootdir', 'iso', 'vztmpl', 'backup', 'snippets', 'import'] as const;

/** A file or volume the storage holds besides the guests' disks: ISOs, templates, backups, snippets. */
const Volume = z.strictObject({
  volname: z
    .string()
    .regex(/^[^\s:]+$/, 'a volume name such as iso/debian-13.iso or backup/vzdump-qemu-100-2026_11_19-01_00_02.vma.zst')
    .describe(
      'the part of the volid after "storage:"; the content type follows from iso/, vztmpl/, backup/, snippets/',
    ),
  content: z.enum(storageContents).optional().describe('defaults from the volume name'),
  vmid: Vmid.optional().describe('defaults from a vzdump-TYPE-VMID-... name'),
  sizeGiB: z.number().nonnegative().default(1),
  ctime: Timestamp.optional().describe('defaults from a vzdump name, else the scenario clock'),
  notes: z.string().optional(),
  protected: z.boolean().default(false),
  verification: z.enum(['ok', 'failed']).nullable().default(null).describe('backups on PBS: the last verify state'),
});

export const ScenarioStorage = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9\-_.]*[a-z0-9]$/i, 'a storage id such as local-lvm'),
  type: z.enum(storageTypes),
  totalGiB: z.number().nonnegative().default(100),
  usedGiB: z.number().nonnegative().default(0),
  content: z
    .array(z.enum(storageContents))
    .optional()
    .describe('defaults by type: dir iso,vztmpl,backup; block storage images,rootdir'),
  active: z.boolean().default(true),
  enabled: z.boolean().default(true),
  shared: z.boolean().optional().describe('defaults to true for nfs, cifs, cephfs, rbd, iscsi and pbs'),
  missingVolumes: z
    .array(z.string())
    .default([])
    .describe('volumes (volid "local-lvm:vm-101-disk-0" or bare name) that guest configs name but the storage lacks'),
  volumes: z.array(Volume).default([]),
  growthGiBPerDay: z
    .number()
    .default(0)
    .describe('the trend of its RRD history: usedGiB grew (or shrank) this much per day up to now'),
});

export type ScenarioStorage = z.output<typeof ScenarioStorage>;
export type ScenarioVolume = z.output<typeof Volume>;
