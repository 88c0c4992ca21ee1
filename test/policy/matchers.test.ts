import { describe, expect, it } from 'vitest';
import { ruleMatches } from '../../src/policy/match.js';
import type { PolicyRequest, PolicyTarget } from '../../src/policy/types.js';
import { call, guest9150, rules } from './support.js';

function matches(conditions: string, request: PolicyRequest): boolean {
  const [rule] = rules(`- id: r\n${conditions}\n  verdict: deny\n`);
  if (!rule) throw new Error('no rule parsed');
  return ruleMatches(rule, request);
}

const onTarget = (target: PolicyTarget) => call('start_vm', 'change', target);

describe('rule matchers', () => {
  it.each([
    ['  tools: ["stop_vm"]', 'stop_vm', true],
    ['  tools: ["stop_vm"]', 'start_vm', false],
    ['  tools: ["*_vm"]', 'reboot_vm', true],
    ['  tools: ["*_vm"]', 'list_nodes', false],
    ['  tools: ["list_*", "vm_status"]', 'vm_status', true],
    ['  tools: ["github__*"]', 'github__create_issue', true],
    ['  tools: ["{start,stop}_vm"]', 'stop_vm', true],
  ])('tools %s against %s -> %s', (conditions, tool, expected) => {
    expect(matches(conditions, call(tool, 'change'))).toBe(expected);
  });

  it.each([
    ['read', false],
    ['change', true],
    ['destructive', true],
  ] as const)('risk [change, destructive] against %s -> %s', (risk, expected) => {
    expect(matches('  risk: [change, destructive]', call('any_tool', risk))).toBe(expected);
  });

  it.each([
    ['  where: { node: "pve-lab*" }', guest9150, true],
    ['  where: { node: "pve-lab*" }', { ...guest9150, node: 'pve1' }, false],
    ['  where: { vmid: [9000, "9100-9199"] }', { vmid: 9000 }, true],
    ['  where: { vmid: [9000, "9100-9199"] }', { vmid: 9100 }, true],
    ['  where: { vmid: [9000, "9100-9199"] }', { vmid: 9199 }, true],
    ['  where: { vmid: [9000, "9100-9199"] }', { vmid: 9200 }, false],
    ['  where: { vmid: [9000, "9100-9199"] }', { vmid: 9001 }, false],
    ['  where: { tags: ["prod", "critical"] }', { tags: ['web', 'critical'] }, true],
    ['  where: { tags: ["prod"] }', { tags: ['Prod'] }, true],
    ['  where: { tags: ["prod"] }', { tags: ['production'] }, false],
    ['  where: { tags: ["prod"] }', { tags: [] }, false],
    ['  where: { name: "test-*" }', guest9150, true],
    ['  where: { name: "test-*" }', { name: 'db-01' }, false],
    ['  where: { profile: "lab" }', guest9150, true],
    ['  where: { profile: "lab" }', { profile: 'home' }, false],
  ] as Array<[string, PolicyTarget, boolean]>)('%s against %j -> %s', (conditions, target, expected) => {
    expect(matches(conditions, onTarget(target))).toBe(expected);
  });

  it.each([
    ['node', '  where: { node: "*" }'],
    ['vmid', '  where: { vmid: ["1-999999999"] }'],
    ['tags', '  where: { tags: ["prod"] }'],
    ['name', '  where: { name: "*" }'],
    ['profile', '  where: { profile: "*" }'],
  ])('a where.%s the target lacks does not match', (_key, conditions) => {
    expect(matches(conditions, onTarget({}))).toBe(false);
  });

  it('needs every condition of the rule to hold', () => {
    const conditions =
      '  tools: ["start_vm"]\n  where: { node: "pve-lab*", vmid: [9000, "9100-9199"], name: "test-*" }';
    expect(matches(conditions, onTarget(guest9150))).toBe(true);
    expect(matches(conditions, onTarget({ ...guest9150, name: 'web-1' }))).toBe(false);
    expect(matches(conditions, call('stop_vm', 'destructive', guest9150))).toBe(false);
  });

  it.each([
    ['  args: { includeRam: true }', { includeRam: true }, true],
    ['  args: { includeRam: true }', { includeRam: false }, false],
    ['  args: { includeRam: true }', {}, false],
    ['  args: { includeRam: true }', { includeRam: 'true' }, false],
    ['  args: { name: "pai-*" }', { name: 'pai-s1-4' }, true],
    ['  args: { name: "pai-*" }', { name: 'before-upgrade' }, false],
    ['  args: { timeoutSeconds: 30 }', { timeoutSeconds: 30 }, true],
    ['  args: { timeoutSeconds: "0-30" }', { timeoutSeconds: 12 }, true],
    ['  args: { timeoutSeconds: "0-30" }', { timeoutSeconds: 31 }, false],
    ['  args: { timeoutSeconds: [5, "60-90"] }', { timeoutSeconds: 75 }, true],
    ['  args: { timeoutSeconds: 30 }', { timeoutSeconds: '30' }, false],
    ['  args: { status: [running, paused] }', { status: 'paused' }, true],
    ['  args: { tags: ["prod"] }', { tags: ['web', 'prod'] }, true],
    ['  args: { tags: ["prod"] }', { tags: [] }, false],
    ['  args: { check: false }', { check: null }, false],
  ] as Array<[string, Record<string, unknown>, boolean]>)('%s against %j -> %s', (conditions, args, expected) => {
    expect(matches(conditions, call('some_tool', 'change', {}, args))).toBe(expected);
  });

  it('matches everything when a rule has no conditions', () => {
    expect(matches('', call('anything', 'destructive'))).toBe(true);
  });
});

describe('where.actor', () => {
  const byActor = (actor?: string): PolicyRequest => ({
    ...call('reboot_vm', 'change', { vmid: 200 }),
    ...(actor ? { actor } : {}),
  });

  it.each([
    ['alice', true],
    ['ci-nightly', true],
    ['bob', false],
    [undefined, false],
  ])('actor ["alice", "ci-*"] against %s -> %s', (actor, expected) => {
    expect(matches('  where: { actor: ["alice", "ci-*"] }', byActor(actor))).toBe(expected);
  });

  it('needs the target conditions too', () => {
    expect(matches('  where: { vmid: [200], actor: [alice] }', byActor('alice'))).toBe(true);
    expect(matches('  where: { vmid: [201], actor: [alice] }', byActor('alice'))).toBe(false);
  });
});
