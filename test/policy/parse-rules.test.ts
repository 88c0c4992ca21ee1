import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/policy/parse-rules.js';
import { PolicyFileError } from '../../src/policy/policy-file-error.js';

function problemIn(text: string, builtInIds: string[] = []): PolicyFileError {
  try {
    parseRules({ file: '/home/alice/policy.yaml', text }, { builtInIds: new Set(builtInIds) });
  } catch (error) {
    if (error instanceof PolicyFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('parseRules', () => {
  it('reads a list of rules with every key', () => {
    const [rule] = parseRules({
      file: 'policy.yaml',
      text: `
- id: lab-snapshots
  tools: ["snapshot_vm"]
  risk: [change]
  where: { node: "pve-lab*", vmid: [9000, "9100-9199"], tags: [lab], name: "test-*", profile: lab }
  args: { includeRam: false, name: "pai-*" }
  verdict: ask
  confirm: typed
  snapshotBefore: best-effort
`,
    });
    expect(rule).toEqual({
      id: 'lab-snapshots',
      tools: ['snapshot_vm'],
      risk: ['change'],
      where: { node: 'pve-lab*', vmid: [9000, '9100-9199'], tags: ['lab'], name: 'test-*', profile: 'lab' },
      args: { includeRam: false, name: 'pai-*' },
      verdict: 'ask',
      confirm: 'typed',
      snapshotBefore: 'best-effort',
    });
  });

  it.each([
    ['an empty file', ''],
    ['a file with only comments', '# no rules yet\n'],
  ])('reads %s as no rules', (_what, text) => {
    expect(parseRules({ file: 'policy.yaml', text })).toEqual([]);
  });

  it('is a usage error (exit 2) with a stable code', () => {
    const error = problemIn('- id: a\n  verdict: maybe\n');
    expect(error).toMatchObject({ code: 'policy.file', exitCode: 2 });
  });
});

describe('a broken rules file names the file, line, rule and field', () => {
  it.each([
    [
      'a YAML syntax error',
      '- id: ok\n  verdict: allow\n- id: lab\n  where: { tags: [lab }\n  verdict: allow\n',
      { line: 4, rule: 'lab', field: 'where.tags[0]' },
      /YAML syntax error: Flow sequence/,
    ],
    [
      'a repeated key',
      '- id: lab\n  verdict: allow\n  verdict: deny\n',
      { line: 3, rule: 'lab', field: 'verdict' },
      /Map keys must be unique/,
    ],
    [
      'an unknown rule key',
      '- id: ok\n  verdict: allow\n- id: prod-off\n  tools: ["stop_vm"]\n  wher: { tags: [prod] }\n  verdict: deny\n',
      { line: 5, rule: 'prod-off', field: 'wher' },
      /unknown key "wher"; valid keys here: id, tools, risk, where, args, verdict, confirm, snapshotBefore/,
    ],
    [
      'an unknown where key',
      '- id: lab\n  where:\n    nodes: "pve-lab*"\n  verdict: allow\n',
      { line: 3, rule: 'lab', field: 'where.nodes' },
      /unknown key "nodes"; valid keys here: node, vmid, tags, name, profile/,
    ],
    [
      'a wrong type',
      '- id: lab\n  tools: stop_vm\n  verdict: allow\n',
      { line: 2, rule: 'lab', field: 'tools' },
      /a list of tool globs/,
    ],
    [
      'a wrong enum value',
      '- id: lab\n  risk: [write]\n  verdict: allow\n',
      { line: 2, rule: 'lab', field: 'risk[0]' },
      /one of read, change, destructive/,
    ],
    [
      'a reversed range',
      '- id: lab\n  where:\n    vmid: [9000, "9199-9100"]\n  verdict: allow\n',
      { line: 3, rule: 'lab', field: 'where.vmid[1]' },
      /bad range "9199-9100": 9199 is above 9100/,
    ],
    [
      'a range that is not one',
      '- id: lab\n  where: { vmid: ["nine"] }\n  verdict: allow\n',
      { line: 2, rule: 'lab', field: 'where.vmid[0]' },
      /bad range "nine": write it as "FROM-TO"/,
    ],
    [
      'a bad range in args',
      '- id: quick\n  args:\n    timeoutSeconds: "60-5"\n  verdict: allow\n',
      { line: 3, rule: 'quick', field: 'args.timeoutSeconds' },
      /bad range "60-5"/,
    ],
    [
      'a broken glob',
      '- id: lab\n  where: { node: "pve-[lab" }\n  verdict: allow\n',
      { line: 2, rule: 'lab', field: 'where.node' },
      /invalid glob "pve-\[lab"/,
    ],
    [
      'a duplicate id',
      '- id: lab\n  verdict: allow\n- id: lab\n  verdict: deny\n',
      { line: 3, rule: 'lab', field: 'id' },
      /duplicate id; rule #1 already uses it/,
    ],
    [
      'a missing verdict',
      '- id: ok\n  verdict: allow\n- id: lab\n  tools: ["*"]\n',
      { line: 3, rule: 'lab', field: 'verdict' },
      /missing \(one of allow, ask, deny\)/,
    ],
    ['a missing id', '- id: ok\n  verdict: allow\n- verdict: allow\n', { line: 3, rule: '#2', field: 'id' }, /missing/],
    [
      'a bad id',
      '- id: "my rule"\n  verdict: allow\n',
      { line: 1, rule: '#1', field: 'id' },
      /an id of letters, digits/,
    ],
    ['the reserved id', '- id: default\n  verdict: allow\n', { line: 1, rule: 'default', field: 'id' }, /reserved/],
    [
      'confirm on a non-ask verdict',
      '- id: lab\n  verdict: allow\n  confirm: typed\n',
      { line: 3, rule: 'lab', field: 'confirm' },
      /confirm only applies to verdict ask, not allow/,
    ],
    [
      'snapshotBefore on a deny',
      '- id: lab\n  verdict: deny\n  snapshotBefore: true\n',
      { line: 3, rule: 'lab', field: 'snapshotBefore' },
      /no effect on a denied call/,
    ],
  ])('%s', (_what, text, location, problem) => {
    const error = problemIn(text);
    expect(error.location).toEqual({ file: '/home/alice/policy.yaml', ...location });
    expect(error.message).toMatch(problem);
  });

  it('puts the location first in the one-line message', () => {
    const error = problemIn('- id: lab\n  where:\n    vmid: [9000, "9199-9100"]\n  verdict: allow\n');
    expect(error.message).toBe(
      '/home/alice/policy.yaml:3: rule "lab", field where.vmid[1]: bad range "9199-9100": 9199 is above 9100; write the lower number first',
    );
  });

  it('rejects a user rule that reuses a built-in id', () => {
    expect(problemIn('- id: reads\n  verdict: deny\n', ['reads']).message).toBe(
      '/home/alice/policy.yaml:1: rule "reads", field id: "reads" is the id of a built-in default rule; pick another id',
    );
  });

  it('rejects the {rules: [...]} form and says which form to use', () => {
    expect(problemIn('rules:\n  - id: a\n    verdict: allow\n').message).toBe(
      '/home/alice/policy.yaml:1: expected a list of rules ("- id: ..." entries); write the rules as a top-level list, without "rules:"',
    );
  });

  it('rejects a file of several YAML documents', () => {
    expect(problemIn('- id: a\n  verdict: allow\n---\n- id: b\n  verdict: allow\n').message).toMatch(
      /:3: a rules file is one YAML document/,
    );
  });

  it('rejects an alias to an anchor that does not exist', () => {
    expect(problemIn('- id: *lab\n  verdict: allow\n').message).toMatch(
      /^\/home\/alice\/policy\.yaml: YAML error: Unresolved alias/,
    );
  });

  it('rejects an item that is not a rule', () => {
    expect(problemIn('- stop_vm\n').location).toEqual({ file: '/home/alice/policy.yaml', line: 1, rule: '#1' });
  });
});
