import type { GuestFacts } from '../evidence.js';

/** How findings name things; values from the outside are held to identifier shape. */

/** "VM 101" or "CT 200", as Proxmox names guests in messages; tools add the name (src/core/target-label.ts). */
export function guestShortLabel(guest: Pick<GuestFacts, 'type' | 'vmid'>): string {
  return `${guest.type === 'lxc' ? 'CT' : 'VM'} ${guest.vmid}`;
}

/** `qm` for VMs, `pct` for containers. */
export function cli(guest: Pick<GuestFacts, 'type'>): string {
  return guest.type === 'lxc' ? 'pct' : 'qm';
}

// Safety: names read from configs and logs go into summaries and fixes (text the
// model reads outside the data fence); anything that is not identifier-shaped
// is quoted and cut short so it cannot read as an instruction.
export function name(value: string): string {
  if (/^[\w.:/@+-]{1,80}$/.test(value)) return value;
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

export function gib(bytes: number): string {
  const value = bytes / 1024 ** 3;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} GiB`;
}

export function percentOf(used: number, total: number): string {
  return `${Math.round((used / total) * 1000) / 10}%`;
}

export function list(values: readonly string[]): string {
  if (values.length <= 1) return values[0] ?? '';
  return `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}

/** A config value safe to repeat in a command (Proxmox property strings are), else undefined. */
export function configValue(value: string): string | undefined {
  return /^[\w.:=,/@+-]{1,200}$/.test(value) ? value : undefined;
}
