import type { ToolOutcome } from '../../core/call-outcome.js';
import { guestLabel } from '../../core/target-label.js';

/** Who a `decidedBy` value is, in words: the policy, a person, a flag, or nobody. */
export function decider(decidedBy: string): string {
  if (decidedBy === 'default') return 'no approver (ask never prompts; --approve change or all allows it)';
  if (decidedBy === 'human') return 'you';
  const [kind, ...rest] = decidedBy.split(':');
  const detail = rest.join(':');
  switch (kind) {
    case 'rule':
      return `policy rule ${detail}`;
    case 'approve-flag':
      return detail === 'none' ? 'no --approve flag' : `--approve ${detail}`;
    case 'grant':
      return `session grant #${detail}`;
    case 'mcp-client':
      return `MCP client ${detail}`;
    default:
      return decidedBy;
  }
}

/** One line for a finished call: tool, target, who decided, outcome. */
export function describeCall(outcome: ToolOutcome): string {
  const t = outcome.target;
  const on = t?.vmid !== undefined ? ` ${guestLabel(t)}` : t?.node ? ` ${t.node}` : '';
  if (outcome.status === 'denied' && outcome.decidedBy)
    return `${outcome.tool}${on}: denied by ${decider(outcome.decidedBy)}`;
  const decided = outcome.decidedBy ? ` ${outcome.decidedBy}` : '';
  return `${outcome.tool}${on}:${decided} -> ${outcome.status}: ${outcome.summary}`;
}
