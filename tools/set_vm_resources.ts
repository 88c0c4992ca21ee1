import { z } from 'zod';
import type { PreflightCheck } from '../src/core/preflight.js';
import { defineTool } from '../src/core/tool.js';
import type { GuestConfigFacts } from '../src/diagnose/guest-config.js';
import { diffLine, writeConfig, type KeyChange } from './support/config-change.js';
import { readConfigFacts, readGuestFacts, type GuestFacts } from './support/guest-facts.js';
import { decidedGuestTarget, guestLabel, resolveGuestTarget } from './support/guests.js';
import { fail, memoryFits, nodeOnline, qemuOnly, unlocked, warn } from './support/preflight-checks.js';
import { historyLine, riskLines, stateLine } from './support/preview-lines.js';
import { nodeSchema, vmidSchema } from './support/schemas.js';

const count = z.coerce.number().int().min(1).max(512).optional();

const input = z
  .object({
    vmid: vmidSchema,
    node: nodeSchema.optional(),
    memoryMiB: z.coerce.number().int().min(16).optional(),
    balloonMiB: z.coerce.number().int().min(0).optional().describe('0 = off'),
    cores: count,
    sockets: count,
    onboot: z.boolean().optional(),
  })
  .strict()
  .refine(
    (args) => [args.memoryMiB, args.balloonMiB, args.cores, args.sockets, args.onboot].some((v) => v !== undefined),
    'give at least one of memoryMiB, balloonMiB, cores, sockets, onboot',
  );
type Args = z.infer<typeof input>;

/** Keys whose change waits for the next start on a running VM (no memory/CPU hotplug by default). */
const coldKeys = new Set(['memory', 'balloon', 'cores', 'sockets']);

function changesOf(args: Args, config: GuestConfigFacts): KeyChange[] {
  const { raw, memoryMiB } = config;
  const number = (value: string | undefined, fallback?: number) => (value === undefined ? fallback : Number(value));
  const wanted: Array<[string, number | boolean | undefined, number | boolean | undefined]> = [
    ['memory', args.memoryMiB, memoryMiB],
    ['balloon', args.balloonMiB, number(raw.balloon)],
    ['cores', args.cores, number(raw.cores, 1)],
    ['sockets', args.sockets, number(raw.sockets, 1)],
    ['onboot', args.onboot, raw.onboot === '1'],
  ];
  return wanted.flatMap(([key, to, from]) => (to === undefined || to === from ? [] : [{ key, from, to }]));
}

const argName: Record<string, keyof Args> = {
  memory: 'memoryMiB',
  balloon: 'balloonMiB',
  cores: 'cores',
  sockets: 'sockets',
  onboot: 'onboot',
};

function resourceChecks(args: Args, facts: GuestFacts, changes: KeyChange[]): PreflightCheck[] {
  const label = guestLabel(facts.target);
  const checks = [qemuOnly(facts.target, 'set_vm_resources'), nodeOnline(facts.node), unlocked(facts)];
  if (!facts.config.ok) return checks;
  if (changes.length === 0) checks.push(fail('change', `${label} already has these values`, 'nothing to do'));
  const memory = args.memoryMiB ?? facts.config.value.memoryMiB;
  if (args.memoryMiB !== undefined) {
    // Proxmox stores any size; beyond the node's total it is the next start that fails, so a risk, not a refusal.
    const fit = memoryFits(memory, facts.node, label);
    checks.push(fit.result === 'fail' ? warn('memory', `${fit.detail}: it will not start there`) : fit);
  }
  const balloon = args.balloonMiB ?? facts.config.value.balloonMiB;
  if (balloon !== undefined && balloon > memory)
    checks.push(
      fail('balloon', `balloon ${balloon} MiB is above the memory of ${memory} MiB`, `balloonMiB at most ${memory}`),
    );
  const cpus = facts.node.status.ok ? facts.node.status.value.cpuinfo?.cpus : undefined;
  const vcpus =
    (args.cores ?? Number(facts.config.value.raw.cores ?? 1)) *
    (args.sockets ?? Number(facts.config.value.raw.sockets ?? 1));
  if (cpus !== undefined && vcpus > cpus)
    checks.push(
      fail(
        'cpus',
        `${vcpus} vCPUs; MAX ${cpus} vcpus allowed per VM on ${facts.node.name}`,
        `cores x sockets at most ${cpus}`,
      ),
    );
  const running = facts.status.ok && facts.status.value.status === 'running';
  if (running && changes.some((change) => coldKeys.has(change.key)))
    checks.push(warn('running', `${label} is running: memory and CPU changes apply at its next start (pending)`));
  return checks;
}

export const setVmResources = defineTool({
  name: 'set_vm_resources',
  title: 'Change VM memory or CPUs',
  description: "Change a VM's memory, CPUs or start at boot.",
  input,
  risk: 'change',
  idempotent: true,
  target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
  async preflight(args, ctx) {
    const facts = await readGuestFacts(ctx, ctx.target!);
    const changes = facts.config.ok ? changesOf(args, facts.config.value) : [];
    const checks = resourceChecks(args, facts, changes);
    const undoArgs = Object.fromEntries(
      changes.filter((change) => change.from !== undefined).map((change) => [argName[change.key]!, change.from]),
    );
    return {
      checks,
      preview: [
        stateLine(facts),
        ...changes.map((change) => diffLine(change, /memory|balloon/.test(change.key) ? ' MiB' : '')),
        historyLine(facts, Math.floor(ctx.now().getTime() / 1000)),
        ...riskLines(checks),
      ],
      ...(Object.keys(undoArgs).length > 0
        ? {
            undo: { tool: 'set_vm_resources', args: { vmid: facts.target.vmid, node: facts.target.node, ...undoArgs } },
          }
        : {}),
      ...(facts.config.ok ? { basis: { digest: facts.config.value.digest } } : {}),
    };
  },
  async run(args, ctx) {
    const target = await decidedGuestTarget(ctx, args.vmid, args.node);
    const changes = changesOf(args, await readConfigFacts(ctx, target));
    const keys = {
      ...(args.memoryMiB !== undefined ? { memory: args.memoryMiB } : {}),
      ...(args.balloonMiB !== undefined ? { balloon: args.balloonMiB } : {}),
      ...(args.cores !== undefined ? { cores: args.cores } : {}),
      ...(args.sockets !== undefined ? { sockets: args.sockets } : {}),
      ...(args.onboot !== undefined ? { onboot: args.onboot } : {}),
    };
    return writeConfig(ctx, target, keys, changes);
  },
});
