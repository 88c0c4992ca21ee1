import { z } from 'zod';
import type { PreflightCheck } from '../src/core/preflight.js';
import { defineTool } from '../src/core/tool.js';
import { diffLine, writeConfig, type KeyChange } from './support/config-change.js';
import { readConfigFacts, readGuestFacts, type GuestFacts } from './support/guest-facts.js';
import { decidedGuestTarget, guestLabel, resolveGuestTarget } from './support/guests.js';
import { bridgeOf, vlanOf, withBridgeAndVlan } from './support/nic-value.js';
import { fail, nodeOnline, ok, qemuOnly, unknown, unlocked, warn } from './support/preflight-checks.js';
import { historyLine, riskLines, stateLine } from './support/preview-lines.js';
import { nodeSchema, vmidSchema } from './support/schemas.js';

const input = z
  .object({
    vmid: vmidSchema,
    node: nodeSchema.optional(),
    nic: z
      .string()
      .regex(/^net\d{1,2}$/, 'a NIC key such as net0')
      .describe('e.g. net0'),
    bridge: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,14}$/, 'a bridge name such as vmbr0')
      .optional()
      .describe('e.g. vmbr0'),
    vlan: z.coerce.number().int().min(0).max(4094).optional().describe('1-4094; 0 removes the tag'),
  })
  .strict()
  .refine((args) => args.bridge !== undefined || args.vlan !== undefined, 'give bridge, vlan or both');
type Args = z.infer<typeof input>;

function nicChanges(args: Args, old: string): KeyChange[] {
  const bridge = bridgeOf(old);
  const vlan = vlanOf(old);
  const changes: KeyChange[] = [];
  if (args.bridge !== undefined && args.bridge !== bridge)
    changes.push({ key: `${args.nic} bridge`, from: bridge, to: args.bridge });
  if (args.vlan !== undefined && args.vlan !== (vlan ?? 0))
    changes.push({ key: `${args.nic} vlan`, from: vlan ?? 'none', to: args.vlan === 0 ? 'none' : args.vlan });
  return changes;
}

function networkChecks(args: Args, facts: GuestFacts, old: string | undefined, changes: KeyChange[]): PreflightCheck[] {
  const label = guestLabel(facts.target);
  const checks = [qemuOnly(facts.target, 'set_vm_network'), nodeOnline(facts.node), unlocked(facts)];
  if (!facts.config.ok) return checks;
  if (old === undefined) {
    const nics = facts.config.value.nics.map((nic) => nic.key).join(', ') || 'none';
    return [...checks, fail('nic', `${label} has no ${args.nic}`, `choose one of its NICs: ${nics}`)];
  }
  if (changes.length === 0) checks.push(fail('change', `${args.nic} of ${label} is already set so`, 'nothing to do'));
  if (args.bridge !== undefined) {
    const bridges = facts.node.bridges;
    if (!bridges.ok) checks.push(unknown('bridge', bridges));
    else if (!bridges.value.includes(args.bridge))
      checks.push(
        fail(
          'bridge',
          `bridge '${args.bridge}' does not exist on ${facts.node.name}`,
          `use one of: ${bridges.value.join(', ')}`,
        ),
      );
    else checks.push(ok('bridge', `bridge ${args.bridge} exists on ${facts.node.name}`));
  }
  if (facts.status.ok && facts.status.value.status === 'running')
    checks.push(warn('running', `${label} is running: ${args.nic} is replugged at once (its link drops briefly)`));
  return checks;
}

export const setVmNetwork = defineTool({
  name: 'set_vm_network',
  title: 'Move a VM NIC to a bridge or VLAN',
  description: "Move a VM's NIC to another bridge and/or VLAN; MAC and model are kept.",
  input,
  risk: 'change',
  idempotent: true,
  target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
  async preflight(args, ctx) {
    const facts = await readGuestFacts(ctx, ctx.target!);
    const old = facts.config.ok ? facts.config.value.raw[args.nic] : undefined;
    const changes = old === undefined ? [] : nicChanges(args, old);
    const checks = networkChecks(args, facts, old, changes);
    const oldBridge = old === undefined ? undefined : bridgeOf(old);
    return {
      checks,
      preview: [
        stateLine(facts),
        ...changes.map((change) => diffLine(change)),
        'MAC address and model are kept',
        historyLine(facts, Math.floor(ctx.now().getTime() / 1000)),
        ...riskLines(checks),
      ],
      ...(old !== undefined && changes.length > 0
        ? {
            undo: {
              tool: 'set_vm_network',
              args: {
                vmid: facts.target.vmid,
                node: facts.target.node,
                nic: args.nic,
                ...(oldBridge ? { bridge: oldBridge } : {}),
                vlan: vlanOf(old) ?? 0,
              },
            },
          }
        : {}),
      ...(facts.config.ok ? { basis: { digest: facts.config.value.digest } } : {}),
    };
  },
  async run(args, ctx) {
    const target = await decidedGuestTarget(ctx, args.vmid, args.node);
    const old = (await readConfigFacts(ctx, target)).raw[args.nic];
    if (old === undefined) throw new Error(`${guestLabel(target)} has no ${args.nic}`);
    const value = withBridgeAndVlan(old, args);
    return writeConfig(ctx, target, { [args.nic]: value }, nicChanges(args, old));
  },
});
