import { defaultRulesPath } from '../../src/policy/default-rules-path.js';
import { loadDefaultRules } from '../../src/policy/load-policy.js';
import { parseRules } from '../../src/policy/parse-rules.js';
import type { PolicyRule } from '../../src/policy/rule-schema.js';
import type { PolicyRequest, PolicyTarget, Risk } from '../../src/policy/types.js';

/** The shipped defaults, read from src/policy/defaults.yaml. */
export const shippedDefaults: PolicyRule[] = loadDefaultRules(defaultRulesPath());

/** Rules written the way a user writes them. */
export function rules(yaml: string): PolicyRule[] {
  return parseRules({ file: 'policy.yaml', text: yaml });
}

export function call(
  tool: string,
  risk: Risk,
  target: PolicyTarget = {},
  args: Record<string, unknown> = {},
): PolicyRequest {
  return { tool, risk, target, args };
}

/** A guest as tools resolve it. */
export const guest101: PolicyTarget = { profile: 'home', node: 'pve1', vmid: 101, name: 'db-01', tags: ['prod'] };
export const guest9150: PolicyTarget = {
  profile: 'lab',
  node: 'pve-lab2',
  vmid: 9150,
  name: 'test-web',
  tags: ['lab'],
};
