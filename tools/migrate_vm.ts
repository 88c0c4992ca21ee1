import { z } from 'zod';
import type { PreflightCheck } from '../src/core/preflight.js';
import { defineTool } from '../src/core/tool.js';
import { diskBytes } from './support/disk-sizes.js';
import { bytes } from './support/format.js';
import { readGuestFacts, readNodeFacts, type GuestFacts, type NodeFacts } from './support/guest-facts.js';
import { runGuestTask } from './support/guest-task.js';
import { decidedGuestTarget, guestLabel, guestRef, resolveGuestTarget } from './support/guests.js';
import {
  bridgesPresent,
  fail,
  memoryFits,
  nodeOnline,
  powerState,
  qemuOnly,
  storagesPresent,
  unlocked,
} from './support/preflight-checks.js';
import { haAgentLine, historyLine, riskLines, stateLine } from './support/preview-lines.js';
import { nodeSchema, vmidSchema } from './support/schemas.js';

const input = z
  .object({
    vmid: vmidSchema,
    node: nodeSchema.optional(),
    targetNode: nodeSchema,
    online: z.boolean().optional().describe('true: live, for a running VM'),
  })
  .strict();
type Args = z.infer<typeof input>;

function migrationChecks(args: Args, facts: GuestFacts, into: NodeFacts): PreflightCheck[] {
  const label = guestLabel(facts.target);
  const checks = [qemuOnly(facts.target, 'migrate_vm'), nodeOnline(facts.node), unlocked(facts)];
  if (into.name === facts.node.name)
    return [...checks, fail('node', `${label} is already on ${into.name}`, 'nothing to do')];
  if (into.summary.ok && into.summary.value === undefined)
    return [...checks, fail('node', `there is no node ${into.name} in this cluster`, 'list_nodes shows the nodes')];
  checks.push(nodeOnline(into));
  const state = powerState(facts);
  if (state !== undefined && state !== 'stopped' && !args.online)
    checks.push(
      fail('online', `${label} is ${state}: a running VM moves only live`, 'set online true, or shutdown_vm it first'),
    );
  checks.push(bridgesPresent(facts, into), storagesPresent(facts, into));
  if (facts.config.ok) checks.push(memoryFits(facts.config.value.memoryMiB, into, label));
  return checks;
}

export const migrateVm = defineTool({
  name: 'migrate_vm',
  title: 'Migrate a VM to another node',
  description: 'Move a VM to another node; waits for the task.',
  input,
  risk: 'change',
  target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
  async preflight(args, ctx) {
    const facts = await readGuestFacts(ctx, ctx.target!);
    const into = args.targetNode === facts.node.name ? facts.node : await readNodeFacts(ctx, args.targetNode);
    const checks = migrationChecks(args, facts, into);
    const shared = new Set(
      facts.node.storages.ok ? facts.node.storages.value.filter((s) => s.shared).map((s) => s.storage) : [],
    );
    const local = facts.config.ok ? diskBytes(facts.config.value).filter((disk) => !shared.has(disk.storage)) : [];
    const running = powerState(facts) !== 'stopped';
    return {
      checks,
      preview: [
        `${stateLine(facts)} on ${facts.node.name} -> on ${into.name} (${running ? 'live' : 'offline'})`,
        haAgentLine(facts, `migrate it`),
        local.length > 0
          ? `disks copied: ${local.map((disk) => `${disk.volid} (${bytes(disk.bytes)})`).join(', ')}`
          : 'disks: on shared storage, nothing copied',
        historyLine(facts, Math.floor(ctx.now().getTime() / 1000)),
        ...riskLines(checks),
      ],
      basis: { localDisks: local.length },
    };
  },
  async run(args, ctx) {
    const target = await decidedGuestTarget(ctx, args.vmid, args.node);
    const localDisks = ctx.preflight?.basis?.localDisks;
    const request = {
      target: args.targetNode,
      ...(args.online ? { online: true, ...(localDisks !== 0 ? { withLocalDisks: true } : {}) } : {}),
    };
    const result = await runGuestTask(ctx, target, `migrate to ${args.targetNode} of`, () =>
      ctx.proxmox.guests.migrate(guestRef(target), request, { signal: ctx.signal }),
    );
    if (result.failed) return result;
    return {
      ...result,
      text: `migrated ${guestLabel(target)} from ${target.node} to ${args.targetNode} (${args.online ? 'live' : 'offline'})`,
      summary: `migrate ${guestLabel(target)} -> ${args.targetNode}: OK`,
    };
  },
});
