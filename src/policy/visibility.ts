import { admitsActor, coversTool, isUnconditional } from './match.js';
import type { PolicyRule } from './rule-schema.js';
import type { PolicyMode, Risk } from './types.js';

/**
 * Whether a tool is kept out of the model's tool list and MCP listings because
 * every call to it would be denied: `policy.mode: read-only` for a tool that is
 * never a read, or a deny rule with no target or argument condition that is
 * reached before any rule that could allow or ask.
 *
 * `risk` is the tool's risk, or every risk it can have when it depends on its
 * arguments (`riskFor`); the tool is hidden only when it is hidden at each.
 */
export function isHidden(
  tool: string,
  risk: Risk | readonly Risk[],
  rules: readonly PolicyRule[],
  mode: PolicyMode,
  actor?: string,
): boolean {
  const possible: readonly Risk[] = typeof risk === 'string' ? [risk] : risk;
  return possible.length > 0 && possible.every((one) => alwaysDenied(tool, one, rules, mode, actor));
}

/** `actor`: the session's person, so a rule for other people is passed over and one for this person counts in full. */
function alwaysDenied(
  tool: string,
  risk: Risk,
  rules: readonly PolicyRule[],
  mode: PolicyMode,
  actor: string | undefined,
): boolean {
  if (mode === 'read-only' && risk !== 'read') return true;
  for (const rule of rules) {
    if (!coversTool(rule, tool, risk) || !admitsActor(rule, actor)) continue;
    if (isUnconditional(rule, actor)) return rule.verdict === 'deny';
    // A conditional deny leaves other calls to later rules; anything else may let some call through.
    if (rule.verdict !== 'deny') return false;
  }
  return false;
}
