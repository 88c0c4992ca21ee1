import { z } from 'zod';
import { NodeName, Vmid } from './schema-parts.js';

/** Cluster-wide facts of a scenario: backup jobs, pools, the datacenter firewall and options (docs/architecture.md, "The simulator"). */

const JobId = z.string().regex(/^[a-z][a-z0-9_-]{2,}$/i, 'a job id such as backup-nightly');

export const BackupJob = z.strictObject({
  id: JobId,
  schedule: z
    .string()
    .regex(/^[a-z0-9 ,.:*/-]+$/i, 'a calendar event such as 01:00, daily or sat 02:30')
    .default('01:00'),
  storage: z.string().regex(/^[a-z][a-z0-9\-_.]*[a-z0-9]$/i, 'a storage id such as local'),
  mode: z.enum(['snapshot', 'suspend', 'stop']).default('snapshot'),
  enabled: z.boolean().default(true),
  vmids: z.array(Vmid).default([]).describe('the guests it backs up; empty with all: true means every guest'),
  all: z.boolean().default(false),
  exclude: z.array(Vmid).default([]).describe('with all: true, the guests it leaves out'),
  node: NodeName.optional().describe('only guests on this node'),
  compress: z.enum(['0', 'gzip', 'lzo', 'zstd']).default('zstd'),
  comment: z.string().optional(),
});

export const Pool = z.strictObject({
  poolid: z.string().regex(/^[A-Za-z0-9_-]+$/, 'a pool id of letters, digits, "_" and "-"'),
  comment: z.string().optional(),
  vmids: z.array(Vmid).default([]),
  storage: z.array(z.string()).default([]).describe('storage ids in the pool'),
});

export const Firewall = z.strictObject({
  enable: z.boolean().default(false).describe('the datacenter firewall; Proxmox ships it off'),
  policyIn: z.enum(['ACCEPT', 'REJECT', 'DROP']).default('DROP'),
  policyOut: z.enum(['ACCEPT', 'REJECT', 'DROP']).default('ACCEPT'),
});

export const ClusterOptions = z
  .record(z.string().regex(/^[a-z][a-z0-9_-]*$/, 'a datacenter.cfg key such as keyboard'), z.unknown())
  .describe('datacenter.cfg as GET /cluster/options answers it, e.g. { keyboard: en-us, console: html5 }');

export type ScenarioBackupJob = z.output<typeof BackupJob>;
export type ScenarioPool = z.output<typeof Pool>;
export type ScenarioFirewall = z.output<typeof Firewall>;
