import { describe, expect, it } from 'vitest';
import { decide, noGrants } from '../../src/policy/decide.js';
import { call, guest101, guest9150, rules, shippedDefaults } from './support.js';

const guestNoTags = { profile: 'home', node: 'pve1', vmid: 102, name: 'web-01', tags: [] };

describe('decide with the shipped defaults', () => {
  it('allows a read', () => {
    expect(decide(call('vm_status', 'read', guest101), shippedDefaults, noGrants, 'normal')).toMatchObject({
      verdict: 'allow',
      ruleId: 'reads',
      decidedBy: 'rule:reads',
    });
  });

  it('asks a plain confirmation for a change', () => {
    expect(decide(call('start_vm', 'change', guestNoTags), shippedDefaults, noGrants, 'normal')).toMatchObject({
      verdict: 'ask',
      confirm: 'plain',
      ruleId: 'changes-ask',
    });
  });

  it('asks a typed confirmation for a destructive call', () => {
    expect(decide(call('stop_vm', 'destructive', guestNoTags), shippedDefaults, noGrants, 'normal')).toMatchObject({
      verdict: 'ask',
      confirm: 'typed',
      ruleId: 'destructive-typed',
    });
  });

  it('asks a typed confirmation for a change on a guest tagged prod, and says why', () => {
    const decision = decide(call('start_vm', 'change', guest101), shippedDefaults, noGrants, 'normal');
    expect(decision).toEqual({
      verdict: 'ask',
      ruleId: 'prod-changes-typed',
      confirm: 'typed',
      snapshotBefore: false,
      reason: 'rule prod-changes-typed: change on a guest tagged prod needs typed confirmation',
      decidedBy: 'rule:prod-changes-typed',
    });
  });

  it('decides stop_vm on prod guest 100 by prod-changes-typed', () => {
    const target = { profile: 'demo', node: 'pve1', vmid: 100, name: 'web-01', tags: ['prod', 'web'] };
    expect(
      decide(call('stop_vm', 'destructive', target, { vmid: 100 }), shippedDefaults, noGrants, 'normal'),
    ).toMatchObject({
      verdict: 'ask',
      confirm: 'typed',
      ruleId: 'prod-changes-typed',
    });
  });
});

describe('rule order', () => {
  const user = rules(`
- id: lab-range-is-free
  tools: ["start_vm", "shutdown_vm", "reboot_vm"]
  where: { node: "pve-lab*", vmid: [9000, "9100-9199"], name: "test-*" }
  verdict: allow
- id: lab-is-fine-anyway
  where: { node: "pve-lab*" }
  verdict: ask
`);
  const all = [...user, ...shippedDefaults];

  it('lets a user rule decide before the defaults', () => {
    expect(decide(call('start_vm', 'change', guest9150), all, noGrants, 'normal')).toMatchObject({
      verdict: 'allow',
      ruleId: 'lab-range-is-free',
      reason: 'rule lab-range-is-free: start_vm on guest 9150 named test-web, node pve-lab2 is allowed',
    });
  });

  it('takes the first of two matching user rules', () => {
    const reversed = [...user].reverse();
    expect(decide(call('start_vm', 'change', guest9150), reversed, noGrants, 'normal').ruleId).toBe(
      'lab-is-fine-anyway',
    );
  });

  it('falls through to the defaults when no user rule matches', () => {
    expect(decide(call('start_vm', 'change', guest101), all, noGrants, 'normal').ruleId).toBe('prod-changes-typed');
  });
});

describe('calls no rule covers', () => {
  it('ask for plain confirmation under the rule id default', () => {
    const only = rules('- id: reads\n  risk: [read]\n  verdict: allow\n');
    expect(decide(call('github__create_issue', 'change', { profile: 'home' }), only, noGrants, 'normal')).toEqual({
      verdict: 'ask',
      ruleId: 'default',
      confirm: 'plain',
      snapshotBefore: false,
      reason: 'no rule covers github__create_issue, so it needs confirmation',
      decidedBy: 'default',
    });
  });
});

describe('policy.mode read-only', () => {
  it.each(['change', 'destructive'] as const)('denies a %s call before any rule', (risk) => {
    const allowAll = rules('- id: allow-all\n  verdict: allow\n');
    expect(decide(call('start_vm', risk, guest101), allowAll, noGrants, 'read-only')).toMatchObject({
      verdict: 'deny',
      ruleId: 'mode:read-only',
      decidedBy: 'mode:read-only',
    });
  });

  it('still applies the rules to reads', () => {
    const denyJournal = rules('- id: no-journal\n  tools: ["read_journal"]\n  verdict: deny\n');
    expect(
      decide(call('vm_status', 'read', guest101), [...denyJournal, ...shippedDefaults], noGrants, 'read-only').verdict,
    ).toBe('allow');
    expect(
      decide(
        call('read_journal', 'read', { node: 'pve1' }),
        [...denyJournal, ...shippedDefaults],
        noGrants,
        'read-only',
      ).ruleId,
    ).toBe('no-journal');
  });
});

describe('snapshotBefore', () => {
  const user = rules(`
- id: snapshot-lab
  tools: ["reboot_vm"]
  verdict: allow
  snapshotBefore: best-effort
- id: snapshot-prod
  where: { tags: ["prod"] }
  verdict: ask
  confirm: typed
  snapshotBefore: true
`);

  it('passes best-effort through from the deciding rule', () => {
    expect(decide(call('reboot_vm', 'change', guest9150), user, noGrants, 'normal').snapshotBefore).toBe('best-effort');
  });

  it('passes true through from the deciding rule', () => {
    expect(decide(call('rollback_snapshot', 'destructive', guest101), user, noGrants, 'normal')).toMatchObject({
      snapshotBefore: true,
      confirm: 'typed',
    });
  });

  it('is false when the rule does not ask for it', () => {
    expect(decide(call('start_vm', 'change', guest101), shippedDefaults, noGrants, 'normal').snapshotBefore).toBe(
      false,
    );
  });
});

describe('reasons', () => {
  it('name the arguments that matched', () => {
    const user = rules('- id: no-ram\n  tools: ["snapshot_vm"]\n  args: { includeRam: true }\n  verdict: deny\n');
    expect(decide(call('snapshot_vm', 'change', guest101, { includeRam: true }), user, noGrants, 'normal').reason).toBe(
      'rule no-ram: snapshot_vm with includeRam=true is denied',
    );
  });

  it('name the profile and risk that matched', () => {
    const user = rules('- id: home-changes\n  risk: [change]\n  where: { profile: "home" }\n  verdict: ask\n');
    expect(decide(call('start_vm', 'change', guest101), user, noGrants, 'normal').reason).toBe(
      'rule home-changes: change on profile home needs confirmation',
    );
  });
});
