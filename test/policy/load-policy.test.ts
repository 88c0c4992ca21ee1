import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRulesPath } from '../../src/policy/default-rules-path.js';
import { loadPolicyRules } from '../../src/policy/load-policy.js';
import { shippedDefaults } from './support.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-policy-'));
}

function files(userText: string | undefined, userFileRequired = false) {
  const dir = tempDir();
  const userFile = path.join(dir, 'policy.yaml');
  if (userText !== undefined) fs.writeFileSync(userFile, userText);
  return { defaultsFile: defaultRulesPath(), userFile, userFileRequired };
}

describe('the shipped defaults', () => {
  it('are the four rules of the policy issue, in order', () => {
    expect(shippedDefaults).toEqual([
      { id: 'reads', risk: ['read'], verdict: 'allow' },
      {
        id: 'prod-changes-typed',
        risk: ['change', 'destructive'],
        where: { tags: ['prod'] },
        verdict: 'ask',
        confirm: 'typed',
      },
      { id: 'destructive-typed', risk: ['destructive'], verdict: 'ask', confirm: 'typed' },
      { id: 'changes-ask', risk: ['change'], verdict: 'ask' },
    ]);
  });

  it('are found from the package root, where the package files list ships them', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    expect(defaultRulesPath()).toBe(path.join(root, 'src/policy/defaults.yaml'));
    expect(defaultRulesPath(path.join(root, 'dist/src/policy/default-rules-path.js'))).toBe(
      path.join(root, 'src/policy/defaults.yaml'),
    );
  });
});

describe('loadPolicyRules', () => {
  it('puts the user rules before the defaults', () => {
    const rules = loadPolicyRules(files('- id: lab\n  where: { node: "pve-lab*" }\n  verdict: allow\n'));
    expect(rules.map((rule) => rule.id)).toEqual([
      'lab',
      'reads',
      'prod-changes-typed',
      'destructive-typed',
      'changes-ask',
    ]);
  });

  it('uses the defaults alone when policy.yaml does not exist', () => {
    expect(loadPolicyRules(files(undefined))).toEqual(shippedDefaults);
  });

  it('fails when a configured rules file does not exist', () => {
    const missing = files(undefined, true);
    expect(() => loadPolicyRules(missing)).toThrow(`${missing.userFile}: file not found`);
  });

  it('fails on a broken user file instead of falling back to the defaults', () => {
    const broken = files('- id: lab\n  verdict: alow\n');
    expect(() => loadPolicyRules(broken)).toThrow(
      `${broken.userFile}:2: rule "lab", field verdict: one of allow, ask, deny`,
    );
  });

  it('fails when a user rule reuses a built-in id', () => {
    expect(() => loadPolicyRules(files('- id: changes-ask\n  verdict: allow\n'))).toThrow(
      /"changes-ask" is the id of a built-in default rule/,
    );
  });
});
