import { z } from 'zod';
import { HistoryTask, NodeName } from './schema-parts.js';

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

const Bridge = z.union([
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,14}$/, 'an interface name such as vmbr0'),
  z.strictObject({
    name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,14}$/, 'an interface name such as vmbr0'),
    vlanAware: z.boolean().default(false),
    mtu: z.number().int().min(576).max(65520).nullable().default(null),
  }),
]);

const Storage = z.strictObject({
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
});

export const ScenarioNode = z.strictObject({
  name: NodeName,
  status: z.enum(['online', 'offline']).default('online'),
  cpus: z.number().int().min(1).max(8192).default(8),
  memoryMiB: z.number().int().min(256).default(65536),
  memoryUsedMiB: z
    .number()
    .int()
    .min(0)
    .nullable()
    .default(null)
    .describe('null: 1 GiB plus what the running guests use'),
  ip: z.union([z.ipv4(), z.ipv6()]).optional().describe('defaults to 192.168.1.(10 + position)'),
  bridges: z.array(Bridge).default([]),
  storage: z.array(Storage).default([]),
  tasks: z.array(HistoryTask).default([]),
});

export type ScenarioNode = z.output<typeof ScenarioNode>;
export type ScenarioStorage = z.output<typeof Storage>;
export type ScenarioBridge = z.output<typeof Bridge>;
