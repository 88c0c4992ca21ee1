import type { PreflightCheck } from '../../src/core/preflight.js';
import type { Target } from '../../src/core/tool.js';
import { guestLabel } from './guests.js';
import type { GuestFacts, NodeFacts, Read } from './guest-facts.js';

/**
 * The facts a preflight checks, each as a check: `fail` only where Proxmox
 * would certainly refuse, `warn` for risks, `unknown` where the read failed.
 */

const MiB = 1024 ** 2;

const ok = (check: string, detail: string): PreflightCheck => ({ check, result: 'ok', detail });
const fail = (check: string, detail: string, fix: string): PreflightCheck => ({ check, result: 'fail', detail, fix });
const warn = (check: string, detail: string): PreflightCheck => ({ check, result: 'warn', detail });
const unknown = (check: string, read: Read<unknown>): PreflightCheck => ({
  check,
  result: 'unknown',
  detail: `${check} unknown (read failed: ${read.ok ? '' : read.error})`,
});

export { fail, ok, unknown, warn };

export function nodeOnline(node: NodeFacts): PreflightCheck {
  if (!node.summary.ok) return unknown('node', node.summary);
  const status = node.summary.value?.status ?? 'unknown';
  return status === 'online'
    ? ok('node', `node ${node.name} is online`)
    : fail('node', `node ${node.name} is ${status}`, `bring ${node.name} back online first`);
}

export function unlocked(facts: GuestFacts): PreflightCheck {
  if (!facts.config.ok) return unknown('lock', facts.config);
  const lock = facts.config.value.raw.lock;
  if (!lock) return ok('lock', 'no config lock');
  const label = guestLabel(facts.target);
  const fix =
    lock === 'suspended'
      ? 'start or resume it instead'
      : `wait for the ${lock} task to end; if none runs, unlock it on the node (qm unlock ${facts.target.vmid})`;
  return fail('lock', `${label} is locked (${lock})`, fix);
}

export function notTemplate(facts: GuestFacts, fix: string): PreflightCheck {
  if (!facts.config.ok) return unknown('template', facts.config);
  return facts.config.value.raw.template === '1'
    ? fail('template', `${guestLabel(facts.target)} is a template`, fix)
    : ok('template', 'not a template');
}

/** `running`, `stopped`, or `paused (io-error)` for a VM QEMU has paused. */
export function powerState(facts: GuestFacts): string | undefined {
  if (!facts.status.ok) return undefined;
  const { status, qmpstatus } = facts.status.value;
  if (status === 'running' && qmpstatus && qmpstatus !== 'running') return `paused (${qmpstatus})`;
  return status;
}

/** Why a state does not suit the call, and what to do instead. */
export type StateRefusal = (state: 'running' | 'stopped' | 'paused', label: string) => { detail: string; fix: string };

/** The guest's state must be one of `allowed`, or the call would fail or do nothing. */
export function inState(facts: GuestFacts, allowed: readonly string[], refusal: StateRefusal): PreflightCheck {
  const state = powerState(facts);
  if (state === undefined) return unknown('state', facts.status);
  const base = state.startsWith('paused') ? 'paused' : state === 'running' ? 'running' : 'stopped';
  if (allowed.includes(base)) return ok('state', `${guestLabel(facts.target)} is ${state}`);
  const { detail, fix } = refusal(base, guestLabel(facts.target));
  return fail('state', detail, fix);
}

/** Every disk's storage exists on the node, is enabled and active. */
export function storagesPresent(facts: GuestFacts, node: NodeFacts = facts.node): PreflightCheck {
  if (!facts.config.ok) return unknown('storage', facts.config);
  if (!node.storages.ok) return unknown('storage', node.storages);
  const known = new Map(node.storages.value.map((storage) => [storage.storage, storage]));
  for (const volume of facts.config.value.volumes) {
    if (volume.cdrom) continue;
    const storage = known.get(volume.storage);
    if (!storage)
      return fail(
        'storage',
        `storage '${volume.storage}' (${volume.key}) does not exist on ${node.name}`,
        `move the disk or add the storage to ${node.name}`,
      );
    if (storage.active === false || storage.enabled === false)
      return fail(
        'storage',
        `storage '${volume.storage}' is not active on ${node.name}`,
        `activate storage '${volume.storage}' on ${node.name}`,
      );
  }
  return ok('storage', `disk storages present on ${node.name}`);
}

/** Every NIC's bridge exists on the node. */
export function bridgesPresent(facts: GuestFacts, node: NodeFacts = facts.node): PreflightCheck {
  if (!facts.config.ok) return unknown('bridge', facts.config);
  if (!node.bridges.ok) return unknown('bridge', node.bridges);
  const bridges = node.bridges.value;
  const missing = facts.config.value.nics.find((nic) => nic.bridge !== undefined && !bridges.includes(nic.bridge));
  if (!missing) return ok('bridge', `bridges present on ${node.name}`);
  const choice = bridges.length > 0 ? `set_vm_network ${missing.key} to ${bridges.join(' or ')}` : 'create the bridge';
  return fail('bridge', `bridge '${missing.bridge}' (${missing.key}) does not exist on ${node.name}`, choice);
}

/** A VM's memory must fit the node's total; above what is free now is a risk. */
export function memoryFits(memoryMiB: number, node: NodeFacts, label: string): PreflightCheck {
  if (!node.status.ok) return unknown('memory', node.status);
  const total = Math.floor(node.status.value.memory.total / MiB);
  const free = Math.floor(
    (node.status.value.memory.free ?? node.status.value.memory.total - node.status.value.memory.used) / MiB,
  );
  if (memoryMiB > total)
    return fail(
      'memory',
      `${label} needs ${gib(memoryMiB)} but ${node.name} has ${gib(total)} in total`,
      `set_vm_resources memoryMiB at most ${total - 1024} (or run it on a bigger node)`,
    );
  if (memoryMiB > free)
    return warn('memory', `${gib(memoryMiB)} is more than the ${gib(free)} free on ${node.name} now`);
  return ok('memory', `${gib(memoryMiB)} fits ${node.name} (${gib(free)} free)`);
}

/** A disk on a full thin pool: QEMU pauses the VM with io-error on its first write. */
export function thinPoolRoom(facts: GuestFacts): PreflightCheck {
  if (!facts.config.ok || !facts.node.storages.ok) return ok('thin pool', 'not checked');
  const full = facts.node.storages.value.find(
    (storage) =>
      storage.type === 'lvmthin' &&
      (storage.total ?? 0) > 0 &&
      (storage.used ?? 0) >= (storage.total ?? 0) &&
      facts.config.ok &&
      facts.config.value.volumes.some((volume) => volume.storage === storage.storage && !volume.cdrom),
  );
  return full
    ? warn(
        'thin pool',
        `${full.storage} on ${facts.node.name} is 100% full: the VM pauses (io-error) on its first write`,
      )
    : ok('thin pool', 'thin pools have room');
}

export function gib(mib: number): string {
  const value = mib / 1024;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} GiB`;
}

/** Tools that only VMs have (QEMU config keys, QMP resume, qemu-server migration). */
export function qemuOnly(target: Target, tool: string): PreflightCheck {
  return target.guestType === 'lxc'
    ? fail('type', `${tool} is for VMs; ${guestLabel(target)} is a container`, 'use the container tools on the node')
    : ok('type', 'a VM');
}
