import type { ToolOutcome } from '../../core/call-outcome.js';

/** One line for a finished call: tool, target, who decided, outcome. */
export function describeCall(outcome: ToolOutcome): string {
  const t = outcome.target;
  const on = t?.vmid !== undefined ? ` ${t.guestType === 'lxc' ? 'CT' : 'VM'} ${t.vmid}${t.name ? ` (${t.name})` : ''}` : t?.node ? ` ${t.node}` : '';
  const decided = outcome.decidedBy ? ` ${outcome.decidedBy}` : '';
  return `${outcome.tool}${on}:${decided} -> ${outcome.status}: ${outcome.summary}`;
}
