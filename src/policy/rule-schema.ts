import { z } from 'zod';
import { globProblem } from './glob.js';
import { looksLikeRange, rangeProblem } from './ranges.js';

/**
 * One rule of a rules file (docs/architecture.md, "Policy"). Every object is strict: an unknown
 * key is an error, because a typo such as `wher:` would otherwise drop a
 * condition and silently widen what the rule covers.
 */

/** Ids the engine itself uses in decisions; a rule may not take them. */
const reservedRuleIds: ReadonlySet<string> = new Set(['default']);

export const ruleIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const RuleId = z
  .string({ error: 'an id such as lab-range-is-free' })
  .regex(ruleIdPattern, 'an id of letters, digits, "_", "." and "-" (at most 64), e.g. lab-range-is-free')
  .refine((id) => !reservedRuleIds.has(id), { error: 'the id "default" is reserved for calls no rule covers' });

const Glob = z
  .string({ error: 'a glob such as "pve-lab*"' })
  .min(1, 'a non-empty glob such as "pve-lab*"')
  .superRefine((pattern, ctx) => {
    const problem = globProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const RiskName = z.enum(['read', 'change', 'destructive'], { error: 'one of read, change, destructive' });

const VmidItem = z.union([z.number(), z.string()], { error: 'a vmid such as 101 or a range such as "9100-9199"' });

const Vmids = z
  .array(VmidItem, { error: 'a list of vmids and ranges, e.g. [9000, "9100-9199"]' })
  .min(1, 'at least one vmid or range')
  .superRefine((items, ctx) => {
    items.forEach((item, index) => {
      const problem = typeof item === 'number' ? vmidProblem(item) : rangeProblem(item);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [index] });
    });
  });

function vmidProblem(vmid: number): string | undefined {
  return Number.isInteger(vmid) && vmid > 0 ? undefined : `bad vmid ${vmid}: a whole number such as 101`;
}

const Actors = z
  .array(Glob, { error: 'a list of MCP token names or globs, e.g. ["alice", "ci-*"]' })
  .min(1, 'at least one name or glob');

const Tag = z.string({ error: 'a tag such as "prod"' }).min(1, 'a non-empty tag');
const Tags = z.array(Tag, { error: 'a list of tags, e.g. ["prod"]' }).min(1, 'at least one tag');

export const WhereSchema = z
  .strictObject(
    { node: Glob, vmid: Vmids, tags: Tags, name: Glob, profile: Glob, actor: Actors },
    { error: 'a map of target and actor matchers, e.g. { node: "pve-lab*", tags: ["lab"], actor: ["alice"] }' },
  )
  .partial();

const ArgScalar = z.union([z.string(), z.number(), z.boolean()]);

/** A string is a glob, or a "from-to" range when written as one; numbers and booleans match exactly. */
const ArgMatcher = z
  .union([ArgScalar, z.array(ArgScalar)], { error: 'a string, number, boolean, or a list of them' })
  .superRefine((matcher, ctx) => {
    if (Array.isArray(matcher) && matcher.length === 0) ctx.addIssue({ code: 'custom', message: 'at least one value' });
    const items = Array.isArray(matcher) ? matcher : [matcher];
    items.forEach((item, index) => {
      const problem =
        typeof item === 'string' ? (looksLikeRange(item) ? rangeProblem(item) : globProblem(item)) : undefined;
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: Array.isArray(matcher) ? [index] : [] });
    });
  });

export const PolicyRuleSchema = z
  .strictObject(
    {
      id: RuleId,
      tools: z
        .array(Glob, { error: 'a list of tool globs, e.g. ["stop_vm", "*_vm"]' })
        .min(1, 'at least one tool glob')
        .optional(),
      risk: z
        .array(RiskName, { error: 'a list of risks, e.g. [change, destructive]' })
        .min(1, 'at least one risk')
        .optional(),
      where: WhereSchema.optional(),
      args: z
        .record(z.string(), ArgMatcher, { error: 'a map of argument names to values, e.g. { includeRam: true }' })
        .optional(),
      verdict: z.enum(['allow', 'ask', 'deny'], { error: 'one of allow, ask, deny' }),
      confirm: z.enum(['plain', 'typed'], { error: 'one of plain, typed' }).optional(),
      snapshotBefore: z
        .union([z.boolean(), z.literal('best-effort')], { error: 'true, false or best-effort' })
        .optional(),
    },
    { error: 'a rule: a map with an id, conditions and a verdict' },
  )
  .superRefine((rule, ctx) => {
    // Safety: a confirmation on allow or deny would never be shown; reject it
    // rather than let the author believe the rule asks.
    if (rule.confirm !== undefined && rule.verdict !== 'ask') {
      ctx.addIssue({
        code: 'custom',
        message: `confirm only applies to verdict ask, not ${rule.verdict}`,
        path: ['confirm'],
      });
    }
    if (rule.snapshotBefore !== undefined && rule.snapshotBefore !== false && rule.verdict === 'deny') {
      ctx.addIssue({
        code: 'custom',
        message: 'snapshotBefore has no effect on a denied call',
        path: ['snapshotBefore'],
      });
    }
  });

export type PolicyRule = z.output<typeof PolicyRuleSchema>;
export type RuleWhere = z.output<typeof WhereSchema>;

/** The valid keys at each level, for "unknown key" messages. */
export const ruleKeys = Object.keys(PolicyRuleSchema.shape);
export const whereKeys = Object.keys(WhereSchema.shape);
