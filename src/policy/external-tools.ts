import { decide, noGrants } from './decide.js';
import type { PolicyRule } from './rule-schema.js';
import type { PolicyDecision, PolicyMode, PolicyRequest, Risk } from './types.js';

/**
 * The risk a tool of an external MCP server is registered with. Its own
 * annotations (readOnlyHint, ...) are text from outside and may raise the
 * risk, never lower it below this.
 */
export const externalToolRisk: Risk = 'change';

/** `<server>__<tool>`, the name external MCP tools get in the registry (docs/architecture.md, "An MCP call"). */
export function isExternalToolName(name: string): boolean {
  return /^[A-Za-z0-9_-]+__[A-Za-z0-9_.-]+$/.test(name);
}

/**
 * What `policy explain` reports for a `<server>__<tool>` name that is not
 * registered right now: the decision such a tool would get once its server is
 * connected, at the external-tool risk and without session grants.
 */
export function explainExternalTool(
  request: Omit<PolicyRequest, 'risk'>,
  rules: readonly PolicyRule[],
  mode: PolicyMode,
): PolicyDecision {
  const decision = decide({ ...request, risk: externalToolRisk }, rules, noGrants, mode);
  return {
    ...decision,
    reason: `${request.tool} is not registered; as an external MCP tool (risk ${externalToolRisk}): ${decision.reason}`,
  };
}
