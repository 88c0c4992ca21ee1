import { z } from 'zod';
import { HistoryTask, NodeName } from './schema-parts.js';
import { ScenarioStorage } from './schema-storage.js';

const Bridge = z.union([
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,14}$/, 'an interface name such as vmbr0'),
  z.strictObject({
    name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,14}$/, 'an interface name such as vmbr0'),
    vlanAware: z.boolean().default(false),
    mtu: z.number().int().min(576).max(65520).nullable().default(null),
  }),
]);

const PendingUpdate = z.strictObject({
  package: z.string().regex(/^[a-z0-9][a-z0-9+.-]+$/, 'a Debian package name'),
  version: z.string().min(1),
  oldVersion: z.string().min(1).optional(),
  origin: z.string().default('Debian').describe('Debian, Proxmox, ...'),
  title: z.string().default(''),
  priority: z.string().default('optional'),
  section: z.string().default('admin'),
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
  storage: z.array(ScenarioStorage).default([]),
  memoryGrowthMiBPerDay: z
    .number()
    .default(0)
    .describe('the trend of its RRD history: used memory grew (or shrank) this much per day up to now'),
  updates: z.array(PendingUpdate).default([]).describe('packages apt would upgrade (GET /nodes/{node}/apt/update)'),
  tasks: z.array(HistoryTask).default([]),
});

export type ScenarioNode = z.output<typeof ScenarioNode>;
export type ScenarioBridge = z.output<typeof Bridge>;
