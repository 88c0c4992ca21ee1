/** The policy engine's public API (docs/architecture.md, "Policy"). Pure except for load-policy.ts, which reads the rules files. */
export { decide, defaultRuleId, noGrants, readOnlyRuleId } from './decide.js';
export { defaultRulesPath } from './default-rules-path.js';
export { explainExternalTool, externalToolRisk, isExternalToolName } from './external-tools.js';
export { SessionGrants, type SessionGrant } from './grants.js';
export { loadDefaultRules, loadPolicyRules, readRulesSource, type PolicyFiles } from './load-policy.js';
export { parseRules, type ParseOptions, type RulesSource } from './parse-rules.js';
export { PolicyFileError, type PolicyFileLocation } from './policy-file-error.js';
export { type PolicyRule } from './rule-schema.js';
export type {
  ConfirmKind,
  GrantLookup,
  PolicyDecision,
  PolicyMode,
  PolicyRequest,
  PolicyTarget,
  Risk,
  SnapshotBefore,
  Verdict,
} from './types.js';
export { isHidden } from './visibility.js';
