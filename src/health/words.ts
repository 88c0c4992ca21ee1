import { guestLabel } from '../core/target-label.js';
import type { GuestFact } from './backup-facts.js';

/** How the health checks name things and times in their sentences. */

export function guestSubject(guest: GuestFact): string {
  return `${guestLabel({ vmid: guest.vmid, name: guest.name, guestType: guest.type })} on ${guest.node}`;
}

/** `2026-11-20 01:48` (UTC, minutes). */
export function minuteTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/** `9 days`, `26 hours`, `40 minutes`. */
export function age(hours: number): string {
  if (hours >= 48) return `${Math.floor(hours / 24)} days`;
  if (hours >= 2) return `${Math.floor(hours)} hours`;
  return `${Math.max(1, Math.round(hours * 60))} minutes`;
}

export function gib(bytes: number): string {
  const value = bytes / 1024 ** 3;
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} GiB`;
}

export function cli(guest: Pick<GuestFact, 'type'>): 'qm' | 'pct' {
  return guest.type === 'qemu' ? 'qm' : 'pct';
}
