import { matchedTag } from './match.js';
import type { PolicyRule } from './rule-schema.js';
import type { ConfirmKind, PolicyRequest, Risk, Verdict } from './types.js';

const riskWords: Record<Risk, string> = { read: 'read', change: 'change', destructive: 'destructive call' };

/** "needs typed confirmation", "is denied", ... */
export function outcomePhrase(verdict: Verdict, confirm: ConfirmKind): string {
  if (verdict === 'allow') return 'is allowed';
  if (verdict === 'deny') return 'is denied';
  return confirm === 'typed' ? 'needs typed confirmation' : 'needs confirmation';
}

/**
 * A short sentence naming the rule and the conditions that matched, e.g.
 * "rule prod-changes-typed: change on a guest tagged prod needs typed confirmation".
 */
export function ruleReason(rule: PolicyRule, request: PolicyRequest): string {
  const subject = rule.tools === undefined && rule.risk !== undefined ? riskWords[request.risk] : request.tool;
  const onTarget = targetPhrase(rule, request);
  const withArgs = Object.keys(rule.args ?? {})
    .map((key) => `${key}=${shorten(JSON.stringify(request.args[key]))}`)
    .join(', ');
  const byActor = rule.where?.actor === undefined ? '' : ` by ${request.actor}`;
  return `rule ${rule.id}: ${subject}${onTarget ? ` on ${onTarget}` : ''}${byActor}${withArgs ? ` with ${withArgs}` : ''} ${outcomePhrase(rule.verdict, rule.confirm ?? 'plain')}`;
}

function targetPhrase(rule: PolicyRule, { target }: PolicyRequest): string {
  const where = rule.where ?? {};
  const parts: string[] = [];
  if (where.vmid !== undefined || where.name !== undefined || where.tags !== undefined) {
    let guest = where.vmid !== undefined ? `guest ${target.vmid}` : 'a guest';
    if (where.name !== undefined) guest += ` named ${target.name}`;
    if (where.tags !== undefined) guest += ` tagged ${matchedTag(where.tags, target)}`;
    parts.push(guest);
  }
  if (where.node !== undefined) parts.push(`node ${target.node}`);
  if (where.profile !== undefined) parts.push(`profile ${target.profile}`);
  return parts.join(', ');
}

/** Argument values come from the model; keep the sentence short whatever they hold. */
function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
