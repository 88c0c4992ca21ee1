import { ruleMatches } from './match.js';
import { outcomePhrase, ruleReason } from './reason.js';
import type { PolicyRule } from './rule-schema.js';
import type { GrantLookup, PolicyDecision, PolicyMode, PolicyRequest } from './types.js';

export const readOnlyRuleId = 'mode:read-only';
export const defaultRuleId = 'default';

/** The lookup to pass when there are no session grants (the headless `ask`, `policy explain`). */
export const noGrants: GrantLookup = { find: () => undefined };

/**
 * The policy decision for one call (docs/architecture.md, "Policy"). Pure: the same request,
 * rules, grants and mode always give the same decision. `rules` are the user
 * rules followed by the built-in defaults; the first rule that matches decides.
 */
export function decide(
  request: PolicyRequest,
  rules: readonly PolicyRule[],
  grants: GrantLookup,
  mode: PolicyMode,
): PolicyDecision {
  // Safety: the read-only mode comes before every rule, so no user rule can re-enable a change.
  if (mode === 'read-only' && request.risk !== 'read') {
    return {
      verdict: 'deny',
      ruleId: readOnlyRuleId,
      confirm: 'plain',
      snapshotBefore: false,
      reason: `policy.mode is read-only: ${request.tool} is a ${request.risk} tool and only read tools may run`,
      decidedBy: readOnlyRuleId,
    };
  }
  const rule = rules.find((candidate) => ruleMatches(candidate, request));
  const decision: PolicyDecision = rule
    ? {
        verdict: rule.verdict,
        ruleId: rule.id,
        confirm: rule.confirm ?? 'plain',
        snapshotBefore: rule.snapshotBefore ?? false,
        reason: ruleReason(rule, request),
        decidedBy: `rule:${rule.id}`,
      }
    : {
        verdict: 'ask',
        ruleId: defaultRuleId,
        confirm: 'plain',
        snapshotBefore: false,
        reason: `no rule covers ${request.tool}, so it ${outcomePhrase('ask', 'plain')}`,
        decidedBy: defaultRuleId,
      };
  return applyGrant(decision, request, grants);
}

/**
 * Safety: a session grant only answers a plain confirmation. A deny stays a
 * deny and a typed confirmation is asked every time.
 */
function applyGrant(decision: PolicyDecision, request: PolicyRequest, grants: GrantLookup): PolicyDecision {
  if (decision.verdict !== 'ask' || decision.confirm !== 'plain') return decision;
  const grant = grants.find(request);
  if (!grant) return decision;
  return {
    ...decision,
    verdict: 'allow',
    reason: `session grant #${grant.seq} allows it (${decision.reason})`,
    decidedBy: `grant:${grant.seq}`,
    grantSeq: grant.seq,
  };
}
