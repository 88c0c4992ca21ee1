import { z } from 'zod';
import { HistoryTask, NodeName, Timestamp, Vmid } from './schema-parts.js';

export const haStates = [
  'started',
  'stopped',
  'disabled',
  'ignored',
  'error',
  'fence',
  'freeze',
  'migrate',
  'relocate',
  'recovery',
  'request_stop',
] as const;

const ConfigId = z
  .string()
  .regex(/^[a-z][a-z0-9_-]+$/i, 'a name of letters, digits, "_" and "-", starting with a letter');

const Agent = z.strictObject({
  osinfo: z.record(z.string(), z.unknown()).default({}).describe("guest-get-osinfo result, in the agent's own shape"),
  interfaces: z.array(z.record(z.string(), z.unknown())).default([]).describe('guest-network-get-interfaces result'),
  fsinfo: z
    .array(z.record(z.string(), z.unknown()))
    .optional()
    .describe('guest-get-fsinfo result; defaults to one file system per configured disk'),
  hostName: z.string().optional().describe('guest-get-host-name; defaults to the guest name'),
  version: z.string().default('8.2.2').describe('the agent version guest-info reports'),
});

const GuestFirewall = z.strictObject({
  enable: z.boolean().default(false),
  policyIn: z.enum(['ACCEPT', 'REJECT', 'DROP']).optional(),
  policyOut: z.enum(['ACCEPT', 'REJECT', 'DROP']).optional(),
});

const Ha = z.strictObject({
  state: z.enum(haStates).default('started'),
  group: z.string().nullable().default(null),
});

const Snapshot = z.strictObject({
  name: ConfigId.max(40),
  snaptime: Timestamp,
  description: z.string().default(''),
  vmstate: z.boolean().default(false),
  parent: z.string().nullable().default(null).describe('defaults to the snapshot listed before it'),
});

export const ScenarioGuest = z.strictObject({
  vmid: Vmid,
  type: z.enum(['qemu', 'lxc']),
  node: NodeName,
  name: z
    .string()
    .regex(/^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$/, 'a DNS-style name')
    .optional(),
  status: z.enum(['running', 'stopped', 'paused']).default('stopped'),
  uptimeSeconds: z.number().int().min(0).optional().describe('for running guests; defaults to a few days'),
  tags: z.array(z.string().regex(/^[a-zA-Z0-9_][a-zA-Z0-9_+.-]*$/, 'a tag of letters, digits and _+.-')).default([]),
  lock: z
    .string()
    .regex(/^[a-z-]+$/)
    .nullable()
    .default(null),
  template: z.boolean().default(false),
  config: z
    .record(z.string().regex(/^[a-z][a-z0-9_-]*$/, 'a config key such as net0'), z.union([z.string(), z.number()]))
    .default({}),
  qmpstatus: z.string().nullable().default(null).describe('e.g. io-error for a paused VM; defaults from status'),
  agent: Agent.nullable().default(null),
  ha: Ha.nullable().default(null),
  firewall: GuestFirewall.nullable().default(null).describe('the guest firewall options; null: no firewall file'),
  snapshots: z.array(Snapshot).default([]),
  tasks: z.array(HistoryTask).default([]),
});

export type ScenarioGuest = z.output<typeof ScenarioGuest>;
export type ScenarioSnapshot = z.output<typeof Snapshot>;
