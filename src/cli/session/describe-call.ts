import type { ToolOutcome } from '../../core/call-outcome.js';
import { guestLabel } from '../../core/target-label.js';

/** One line for a finished call: tool, target, who decided, outcome. */
export function describeCall(outcome: ToolOutcome): string {
  const t = outcome.target;
  const on = t?.vmid !== undefined ? ` ${guestLabel(t)}` : t?.node ? ` ${t.node}` : '';
  const decided = outcome.decidedBy ? ` ${outcome.decidedBy}` : '';
  return `${outcome.tool}${on}:${decided} -> ${outcome.status}: ${outcome.summary}`;
}
