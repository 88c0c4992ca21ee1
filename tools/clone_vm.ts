import { z } from 'zod';
import type { PreflightCheck } from '../src/core/preflight.js';
import { defineTool } from '../src/core/tool.js';
import { diskBytes } from './support/disk-sizes.js';
import { bytes } from './support/format.js';
import { readGuestFacts, readNodeFacts, type GuestFacts, type NodeFacts } from './support/guest-facts.js';
import { runGuestTask } from './support/guest-task.js';
import { decidedGuestTarget, guestLabel, guestRef, listGuests, resolveGuestTarget } from './support/guests.js';
import { fail, nodeOnline, ok, powerState, qemuOnly, unknown, unlocked, warn } from './support/preflight-checks.js';
import { riskLines, stateLine } from './support/preview-lines.js';
import { nodeSchema, vmidSchema } from './support/schemas.js';

const input = z
  .object({
    vmid: vmidSchema.describe('source VM id'),
    node: nodeSchema.optional(),
    newid: vmidSchema.optional().describe('default: next free'),
    name: z
      .string()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$/, 'a DNS name such as web-02')
      .optional(),
    targetNode: nodeSchema.optional().describe('default: source node'),
    storage: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9\-_.]*[A-Za-z0-9]$/, 'a storage id such as local-lvm')
      .optional(),
    full: z.boolean().optional().describe('false: linked clone (templates)'),
  })
  .strict();
type Args = z.infer<typeof input>;

function sourceChecks(args: Args, facts: GuestFacts, full: boolean): PreflightCheck[] {
  const checks = [qemuOnly(facts.target, 'clone_vm'), nodeOnline(facts.node), unlocked(facts)];
  const template = facts.config.ok && facts.config.value.raw.template === '1';
  const state = powerState(facts);
  if (state === undefined) checks.push(unknown('state', facts.status));
  else if (!template && state !== 'stopped')
    checks.push(fail('state', `${guestLabel(facts.target)} is ${state}`, 'clone a template, or shutdown_vm it first'));
  if (!full && !template)
    checks.push(fail('linked', 'a linked clone needs a template as its source', 'leave full out (full copy)'));
  if (!full && args.storage !== undefined)
    checks.push(fail('linked', "parameter 'storage' not allowed for linked clones", 'leave storage out'));
  return checks;
}

function storageChecks(args: Args, facts: GuestFacts, into: NodeFacts): PreflightCheck[] {
  if (!facts.config.ok) return [unknown('storage', facts.config)];
  if (!into.storages.ok) return [unknown('storage', into.storages)];
  const disks = diskBytes(facts.config.value);
  const checks: PreflightCheck[] = [];
  const wanted = args.storage === undefined ? [...new Set(disks.map((disk) => disk.storage))] : [args.storage];
  for (const id of wanted) {
    const storage = into.storages.value.find((candidate) => candidate.storage === id);
    if (!storage) {
      checks.push(fail('storage', `storage '${id}' does not exist on ${into.name}`, 'choose a storage of that node'));
      continue;
    }
    if (!storage.content?.includes('images'))
      checks.push(fail('storage', `storage '${id}' does not hold VM disks`, 'choose a storage with images content'));
    else if (into.name !== facts.node.name && !storage.shared)
      checks.push(
        fail(
          'storage',
          `can't clone to node '${into.name}': '${id}' is local storage`,
          `clone on ${facts.node.name}, then migrate_vm`,
        ),
      );
    else {
      const need = disks
        .filter((disk) => args.storage !== undefined || disk.storage === id)
        .reduce((sum, disk) => sum + disk.bytes, 0);
      const avail = storage.avail ?? 0;
      checks.push(
        need > avail
          ? warn('space', `the disks (${bytes(need)}) exceed the ${bytes(avail)} free on ${id}`)
          : ok('space', `${bytes(need)} fits ${id}`),
      );
    }
  }
  return checks;
}

export const cloneVm = defineTool({
  name: 'clone_vm',
  title: 'Clone a VM',
  description: 'New VM from a template or a stopped VM; waits for the task.',
  input,
  risk: 'change',
  target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
  async preflight(args, ctx) {
    const facts = await readGuestFacts(ctx, ctx.target!);
    const full = args.full ?? true;
    const into =
      args.targetNode && args.targetNode !== facts.node.name ? await readNodeFacts(ctx, args.targetNode) : facts.node;
    const checks = [...sourceChecks(args, facts, full)];
    if (into !== facts.node) {
      if (into.summary.ok && into.summary.value === undefined)
        checks.push(fail('node', `there is no node ${into.name} in this cluster`, 'list_nodes shows the nodes'));
      else checks.push(nodeOnline(into));
    }
    checks.push(...storageChecks(args, facts, into));
    let newid = args.newid;
    if (newid !== undefined) {
      const taken = (await listGuests(ctx)).some((guest) => guest.vmid === newid);
      checks.push(
        taken
          ? fail('newid', `VM/CT ${newid} already exists`, 'leave newid out to take the next free id')
          : ok('newid', `id ${newid} is free`),
      );
    } else newid = await ctx.proxmox.cluster.nextId({}, { signal: ctx.signal });
    const size = facts.config.ok ? diskBytes(facts.config.value).reduce((sum, disk) => sum + disk.bytes, 0) : 0;
    const name = args.name ?? `Copy-of-VM-${facts.target.name ?? facts.target.vmid}`;
    return {
      checks,
      preview: [
        `source: ${stateLine(facts).replace(/^state: /, '')}`,
        `new: VM ${newid} (${name}) on ${into.name}, stopped`,
        `${full ? 'full copy' : 'linked clone'} of ${bytes(size)} of disks to ${args.storage ?? 'the same storage'}`,
        ...riskLines(checks),
      ],
      basis: { newid },
    };
  },
  async run(args, ctx) {
    const source = await decidedGuestTarget(ctx, args.vmid, args.node);
    const basisId = ctx.preflight?.basis?.newid;
    const newid =
      args.newid ??
      (typeof basisId === 'number' ? basisId : await ctx.proxmox.cluster.nextId({}, { signal: ctx.signal }));
    const request = {
      newid,
      full: args.full !== false,
      ...(args.name ? { name: args.name } : {}),
      ...(args.targetNode ? { target: args.targetNode } : {}),
      ...(args.storage ? { storage: args.storage } : {}),
    };
    const result = await runGuestTask(ctx, source, `clone to VM ${newid} of`, () =>
      ctx.proxmox.guests.clone(guestRef(source), request, { signal: ctx.signal }),
    );
    if (result.failed) return result;
    const where = args.targetNode ?? source.node;
    return {
      text: `cloned ${guestLabel(source)} to VM ${newid}${args.name ? ` (${args.name})` : ''} on ${where}; it is stopped (start_vm ${newid} starts it)`,
      summary: `clone ${guestLabel(source)} -> VM ${newid}: OK`,
      structured: { ...result.structured, newid, node: where },
    };
  },
});
