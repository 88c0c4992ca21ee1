import { describe, expect, it } from 'vitest';
import { decide } from '../../src/policy/decide.js';
import { SessionGrants } from '../../src/policy/grants.js';
import { call, guest101, rules, shippedDefaults } from './support.js';

const guest102 = { profile: 'home', node: 'pve1', vmid: 102, name: 'web-01', tags: ['web'] };

function grantsFor(tool: string, target: object, seq = 7): SessionGrants {
  const grants = new SessionGrants();
  grants.add({ tool, target, seq });
  return grants;
}

describe('session grants in decide', () => {
  it('turn a plain ask into allow and say which grant decided', () => {
    const decision = decide(
      call('start_vm', 'change', guest102),
      shippedDefaults,
      grantsFor('start_vm', guest102, 12),
      'normal',
    );
    expect(decision).toMatchObject({ verdict: 'allow', ruleId: 'changes-ask', decidedBy: 'grant:12', grantSeq: 12 });
    expect(decision.reason).toBe('session grant #12 allows it (rule changes-ask: change needs confirmation)');
  });

  it('never cover a typed confirmation', () => {
    const decision = decide(
      call('start_vm', 'change', guest101),
      shippedDefaults,
      grantsFor('start_vm', guest101),
      'normal',
    );
    expect(decision).toMatchObject({ verdict: 'ask', confirm: 'typed', decidedBy: 'rule:prod-changes-typed' });
    expect(decision.grantSeq).toBeUndefined();
  });

  it('never beat a deny', () => {
    const user = rules('- id: no-web-starts\n  tools: ["start_vm"]\n  where: { tags: ["web"] }\n  verdict: deny\n');
    const decision = decide(
      call('start_vm', 'change', guest102),
      [...user, ...shippedDefaults],
      grantsFor('start_vm', guest102),
      'normal',
    );
    expect(decision).toMatchObject({ verdict: 'deny', ruleId: 'no-web-starts' });
  });

  it('never beat the read-only mode', () => {
    expect(
      decide(call('start_vm', 'change', guest102), shippedDefaults, grantsFor('start_vm', guest102), 'read-only')
        .verdict,
    ).toBe('deny');
  });

  it('also answer the default ask of a tool no rule covers', () => {
    const target = { profile: 'home' };
    expect(
      decide(
        call('github__create_issue', 'change', target),
        [],
        grantsFor('github__create_issue', target, 3),
        'normal',
      ),
    ).toMatchObject({
      verdict: 'allow',
      ruleId: 'default',
      decidedBy: 'grant:3',
    });
  });
});

describe('grant scope', () => {
  const grants = grantsFor('start_vm', guest102);

  it('covers the same tool on the same guest', () => {
    expect(grants.find(call('start_vm', 'change', { ...guest102 }))?.seq).toBe(7);
  });

  it('does not cover another tool on that guest', () => {
    expect(grants.find(call('reboot_vm', 'change', guest102))).toBeUndefined();
  });

  it('does not cover another guest on that node', () => {
    expect(grants.find(call('start_vm', 'change', { ...guest102, vmid: 103 }))).toBeUndefined();
  });

  it('does not cover the same vmid on another node or profile', () => {
    expect(grants.find(call('start_vm', 'change', { ...guest102, node: 'pve2' }))).toBeUndefined();
    expect(grants.find(call('start_vm', 'change', { ...guest102, profile: 'work' }))).toBeUndefined();
  });

  it('scopes node-level tools to the node, not to its guests', () => {
    const nodeGrant = grantsFor('read_journal', { profile: 'home', node: 'pve1' });
    expect(nodeGrant.find(call('read_journal', 'read', { profile: 'home', node: 'pve1' }))).toBeDefined();
    expect(nodeGrant.find(call('read_journal', 'read', { profile: 'home', node: 'pve2' }))).toBeUndefined();
    expect(nodeGrant.find(call('read_journal', 'read', { profile: 'home', node: 'pve1', vmid: 101 }))).toBeUndefined();
  });

  it('keeps its own copy of the target', () => {
    const target = { profile: 'home', node: 'pve1', vmid: 104 };
    const own = grantsFor('start_vm', target);
    target.vmid = 105;
    expect(own.find(call('start_vm', 'change', { profile: 'home', node: 'pve1', vmid: 104 }))).toBeDefined();
  });
});
