import type { AppConfig } from '../../config/schema.js';
import { defaultRulesPath, loadPolicyRules, type PolicyMode, type PolicyRule } from '../../policy/index.js';
import type { CommandContext } from '../io.js';

/** User rules (policy.rulesFile, else policy.yaml in the config dir) before the built-in defaults, and the mode. */
export function openPolicy(ctx: CommandContext, config: AppConfig): { rules: PolicyRule[]; mode: PolicyMode } {
  const rulesFile = config.policy?.rulesFile;
  const rules = loadPolicyRules({
    defaultsFile: defaultRulesPath(),
    userFile: rulesFile ?? ctx.paths.policyFile,
    userFileRequired: rulesFile !== undefined,
  });
  return { rules, mode: config.policy?.mode ?? 'normal' };
}
