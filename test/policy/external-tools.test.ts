import { describe, expect, it } from 'vitest';
import { explainExternalTool, isExternalToolName } from '../../src/policy/external-tools.js';
import { rules, shippedDefaults } from './support.js';

describe('external MCP tools', () => {
  it('recognises <server>__<tool> names', () => {
    expect(isExternalToolName('github__create_issue')).toBe(true);
    expect(isExternalToolName('stop_vm')).toBe(false);
    expect(isExternalToolName('__tool')).toBe(false);
  });

  it('explain an unregistered external tool as a plain ask under the defaults', () => {
    const decision = explainExternalTool(
      { tool: 'github__create_issue', args: {}, target: { profile: 'home' } },
      shippedDefaults,
      'normal',
    );
    expect(decision).toMatchObject({ verdict: 'ask', confirm: 'plain', ruleId: 'changes-ask' });
    expect(decision.reason).toBe(
      'github__create_issue is not registered; as an external MCP tool (risk change): rule changes-ask: change needs confirmation',
    );
  });

  it('explain a user rule for external tools when one matches', () => {
    const user = rules('- id: no-github\n  tools: ["github__*"]\n  verdict: deny\n');
    const request = { tool: 'github__delete_repo', args: {}, target: {} };
    expect(explainExternalTool(request, [...user, ...shippedDefaults], 'normal')).toMatchObject({
      verdict: 'deny',
      ruleId: 'no-github',
    });
  });

  it('explain the default ask when no rule covers the tool', () => {
    expect(explainExternalTool({ tool: 'x__y', args: {}, target: {} }, [], 'normal')).toMatchObject({
      verdict: 'ask',
      ruleId: 'default',
    });
  });

  it('explain a denial in read-only mode', () => {
    expect(explainExternalTool({ tool: 'x__y', args: {}, target: {} }, shippedDefaults, 'read-only').ruleId).toBe(
      'mode:read-only',
    );
  });
});
