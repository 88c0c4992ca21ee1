import { z } from 'zod';
import { BackupJob, ClusterOptions, Firewall, Pool } from './schema-datacenter.js';
import { ScenarioGuest } from './schema-guest.js';
import { ScenarioNode } from './schema-node.js';
import { PrivilegeMap, Timestamp, TokenId, UserId } from './schema-parts.js';

const Token = z.strictObject({
  id: TokenId,
  secret: z.string().min(1).optional().describe('defaults to a generated UUID'),
  privileges: PrivilegeMap.optional().describe('defaults to every privilege on /'),
  privsep: z
    .boolean()
    .default(true)
    .describe("privilege separation; the simulator always checks the token's own grants"),
  comment: z.string().optional(),
  expire: Timestamp.optional(),
});

const SecondFactor = z.enum(['totp', 'webauthn', 'yubico', 'u2f', 'recovery']);

const User = z.strictObject({
  userid: UserId,
  password: z.string().min(1).optional().describe('defaults to a generated password'),
  privileges: PrivilegeMap.optional().describe('defaults to every privilege on /; root@pam always has all'),
  tfa: z.array(SecondFactor).default([]).describe('second factors the user has set up'),
  enable: z.boolean().default(true),
  email: z.string().optional(),
  comment: z.string().optional(),
});

const Access = z.strictObject({
  tokens: z.array(Token).optional().describe('defaults to one token root@pam!sim with every privilege'),
  users: z.array(User).optional().describe('defaults to root@pam with a generated password'),
});

const JournalLine = z.union([z.string(), z.strictObject({ ts: Timestamp, text: z.string() })]);

export const scenarioSchema = z
  .strictObject({
    schemaVersion: z.literal(1).default(1),
    name: z.string().min(1),
    description: z.string().optional(),
    now: Timestamp.optional().describe('the simulator clock at start; defaults to the real time'),
    clusterName: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,15}$/)
      .default('homelab'),
    pveVersion: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'a version such as 9.1.9')
      .default('9.1.9'),
    quorate: z.boolean().default(true),
    access: Access.default({}),
    nodes: z.array(ScenarioNode).min(1),
    guests: z.array(ScenarioGuest).default([]),
    journal: z.record(z.string(), z.array(JournalLine)).default({}),
    backupJobs: z.array(BackupJob).default([]),
    pools: z.array(Pool).default([]),
    firewall: Firewall.default({ enable: false, policyIn: 'DROP', policyOut: 'ACCEPT' }),
    clusterOptions: ClusterOptions.default({}),
  })
  .superRefine((scenario, ctx) => {
    const nodeNames = new Set<string>();
    scenario.nodes.forEach((node, index) => {
      if (nodeNames.has(node.name))
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', index, 'name'],
          message: `node '${node.name}' is listed twice`,
        });
      nodeNames.add(node.name);
    });
    const vmids = new Set<number>();
    scenario.guests.forEach((guest, index) => {
      if (vmids.has(guest.vmid))
        ctx.addIssue({ code: 'custom', path: ['guests', index, 'vmid'], message: `vmid ${guest.vmid} is used twice` });
      vmids.add(guest.vmid);
      if (!nodeNames.has(guest.node)) {
        ctx.addIssue({
          code: 'custom',
          path: ['guests', index, 'node'],
          message: `node '${guest.node}' is not among the scenario's nodes`,
        });
      }
    });
    for (const node of Object.keys(scenario.journal)) {
      if (!nodeNames.has(node))
        ctx.addIssue({
          code: 'custom',
          path: ['journal', node],
          message: `node '${node}' is not among the scenario's nodes`,
        });
    }
    uniqueIds(
      ctx,
      ['backupJobs'],
      scenario.backupJobs.map((job) => job.id),
      'backup job',
    );
    uniqueIds(
      ctx,
      ['pools'],
      scenario.pools.map((pool) => pool.poolid),
      'pool',
    );
    const tokenIds = new Set<string>();
    (scenario.access.tokens ?? []).forEach((token, index) => {
      if (tokenIds.has(token.id))
        ctx.addIssue({
          code: 'custom',
          path: ['access', 'tokens', index, 'id'],
          message: `token '${token.id}' is listed twice`,
        });
      tokenIds.add(token.id);
    });
  });

function uniqueIds(ctx: z.RefinementCtx, path: string[], ids: string[], what: string): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id))
      ctx.addIssue({ code: 'custom', path: [...path, index], message: `${what} '${id}' is listed twice` });
    seen.add(id);
  });
}

/** A scenario as written: every field with a default may be left out. */
export type Scenario = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in. */
export type ResolvedScenario = z.output<typeof scenarioSchema>;
