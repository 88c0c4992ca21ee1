import { duration } from './format.js';
import type { GuestFacts } from './guest-facts.js';
import { powerState } from './preflight-checks.js';

/**
 * The lines of a confirmation's preview, each from reads made for this call;
 * a read that failed is named as unknown, never guessed.
 */

const ago = (nowSeconds: number, then: number | undefined) =>
  then === undefined ? 'at an unknown time' : `${duration(Math.max(60, nowSeconds - then))} ago`;

/** `state: running, up 3d0h -> stopped`. */
export function stateLine(facts: GuestFacts, expected?: string): string {
  const state = powerState(facts);
  if (state === undefined) return `state: unknown (read failed)${expected ? ` -> ${expected}` : ''}`;
  const status = facts.status.ok ? facts.status.value : undefined;
  const up = status?.status === 'running' && status.uptime ? `, up ${duration(status.uptime)}` : '';
  const template = facts.config.ok && facts.config.value.raw.template === '1' ? ' template' : '';
  return `state: ${state}${template}${up}${expected ? ` -> ${expected}` : ''}`;
}

/** `HA: managed (started), HA will start it; agent: answers (clean shutdown)`. */
export function haAgentLine(facts: GuestFacts, haWill = 'act on it'): string {
  const ha = !facts.status.ok
    ? 'HA: unknown (read failed)'
    : facts.status.value.ha?.managed
      ? `HA: managed (${facts.status.value.ha.state ?? '?'}), HA will ${haWill}`
      : 'HA: not managed';
  return `${ha}; ${agentWords(facts)}`;
}

function agentWords(facts: GuestFacts): string {
  if (facts.target.guestType === 'lxc') return 'container (no agent needed)';
  if (!facts.config.ok) return 'agent: unknown (read failed)';
  if (!facts.config.value.agentEnabled) return 'agent: not enabled (ACPI shutdown)';
  if (facts.agent === undefined) return 'agent: enabled, guest not running';
  return facts.agent.ok ? 'agent: answers (clean shutdown)' : 'agent: no answer (ACPI shutdown)';
}

/** `snapshots: 1, newest pre-upgrade 6d ago; backup: newest 1h30m ago`. */
export function historyLine(facts: GuestFacts, nowSeconds: number): string {
  let snapshots = 'snapshots: unknown (read failed)';
  if (facts.snapshots.ok) {
    const list = facts.snapshots.value;
    const newest = [...list].sort((a, b) => (b.snaptime ?? 0) - (a.snaptime ?? 0))[0];
    snapshots = newest
      ? `snapshots: ${list.length}, newest ${newest.name} ${ago(nowSeconds, newest.snaptime)}`
      : 'snapshots: none';
  }
  let backup = 'backup: unknown (read failed)';
  if (facts.backups.ok) {
    const newest = Math.max(...facts.backups.value.map((volume) => volume.ctime ?? 0), 0);
    backup = facts.backups.value.length === 0 ? 'backup: none found' : `backup: newest ${ago(nowSeconds, newest)}`;
  }
  return `${snapshots}; ${backup}`;
}

/** Warnings and unknowns of the checks, one line each. */
export function riskLines(checks: ReadonlyArray<{ result: string; detail: string }>): string[] {
  return checks
    .filter((check) => check.result === 'warn' || check.result === 'unknown')
    .map((check) => `${check.result === 'warn' ? 'warning' : 'unknown'}: ${check.detail}`);
}
