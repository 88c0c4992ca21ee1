import { globMatches } from './glob.js';
import { inRange, looksLikeRange } from './ranges.js';
import type { PolicyRule, RuleWhere } from './rule-schema.js';
import type { PolicyRequest, PolicyTarget, Risk } from './types.js';

type ArgValue = string | number | boolean;

/** Whether the rule's tool and risk conditions admit this tool at this risk (ignoring target and args). */
export function coversTool(rule: PolicyRule, tool: string, risk: Risk): boolean {
  return (rule.tools?.some((pattern) => globMatches(pattern, tool)) ?? true) && (rule.risk?.includes(risk) ?? true);
}

/**
 * A rule whose outcome does not depend on the target or the arguments, for a
 * session whose actor is known: `where.actor` is then settled up front.
 */
export function isUnconditional(rule: PolicyRule, actor?: string): boolean {
  const { actor: actors, ...onTarget } = rule.where ?? {};
  return (
    (actors === undefined || actorMatches(actors, actor)) &&
    Object.keys(onTarget).length === 0 &&
    Object.keys(rule.args ?? {}).length === 0
  );
}

/** Whether the rule's `where.actor` can ever match calls of this actor (always, when the rule names none). */
export function admitsActor(rule: PolicyRule, actor: string | undefined): boolean {
  return rule.where?.actor === undefined || actorMatches(rule.where.actor, actor);
}

function actorMatches(patterns: readonly string[], actor: string | undefined): boolean {
  return actor !== undefined && patterns.some((pattern) => globMatches(pattern, actor));
}

/** Every condition the rule states must hold; a target key the rule names but the target lacks does not match. */
export function ruleMatches(rule: PolicyRule, request: PolicyRequest): boolean {
  return (
    coversTool(rule, request.tool, request.risk) &&
    whereMatches(rule.where ?? {}, request.target) &&
    admitsActor(rule, request.actor) &&
    argsMatch(rule.args ?? {}, request.args)
  );
}

function whereMatches(where: RuleWhere, target: PolicyTarget): boolean {
  const { node, vmid, tags, name, profile } = where;
  if (node !== undefined && (target.node === undefined || !globMatches(node, target.node))) return false;
  if (name !== undefined && (target.name === undefined || !globMatches(name, target.name))) return false;
  if (profile !== undefined && (target.profile === undefined || !globMatches(profile, target.profile))) return false;
  if (
    vmid !== undefined &&
    (target.vmid === undefined || !vmid.some((item) => numberMatches(item, target.vmid as number)))
  )
    return false;
  if (tags !== undefined && matchedTag(tags, target) === undefined) return false;
  return true;
}

/**
 * The first target tag the rule names. Proxmox compares tags without regard to
 * case by default, so a rule for "prod" also covers a guest tagged "Prod".
 */
export function matchedTag(ruleTags: readonly string[], target: PolicyTarget): string | undefined {
  const wanted = new Set(ruleTags.map((tag) => tag.toLowerCase()));
  return target.tags?.find((tag) => wanted.has(tag.toLowerCase()));
}

function argsMatch(matchers: Record<string, ArgValue | ArgValue[]>, args: Record<string, unknown>): boolean {
  return Object.entries(matchers).every(([key, matcher]) => {
    const actual = args[key];
    if (actual === undefined || actual === null) return false;
    const expected = Array.isArray(matcher) ? matcher : [matcher];
    const values = Array.isArray(actual) ? actual : [actual];
    return values.some((value) => expected.some((item) => valueMatches(item, value)));
  });
}

/** Strings match strings as globs, numbers match numbers exactly or by "from-to" range, booleans match exactly. */
function valueMatches(expected: ArgValue, actual: unknown): boolean {
  if (typeof actual === 'string') return typeof expected === 'string' && globMatches(expected, actual);
  if (typeof actual === 'number') return numberMatches(expected, actual);
  if (typeof actual === 'boolean') return expected === actual;
  return false;
}

function numberMatches(expected: ArgValue, actual: number): boolean {
  if (typeof expected === 'number') return expected === actual;
  return typeof expected === 'string' && looksLikeRange(expected) && inRange(actual, expected);
}
