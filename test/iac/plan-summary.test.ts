import { describe, expect, it } from 'vitest';
import { describePlan, summarisePlan } from '../../src/iac/terraform/plan-summary.js';

const plan = (changes: unknown[]) =>
  JSON.stringify({ format_version: '1.2', terraform_version: '1.11.4', resource_changes: changes });
const change = (address: string, actions: string[], extra: Record<string, unknown> = {}) => ({
  address,
  change: { actions, ...extra },
});

describe('summarisePlan (terraform show -json)', () => {
  it('counts creations as a change', () => {
    const summary = summarisePlan(
      plan([change('a.x', ['create']), change('a.y', ['create']), change('a.z', ['no-op'])]),
    );
    expect(summary).toMatchObject({
      risk: 'change',
      line: '2 to create, 0 to update, 0 to replace, 0 to delete',
      terraformVersion: '1.11.4',
    });
  });

  it('treats delete-then-create and create-then-delete both as replacements, which are destructive', () => {
    const summary = summarisePlan(plan([change('a.x', ['delete', 'create']), change('a.y', ['create', 'delete'])]));
    expect(summary.counts.replace).toBe(2);
    expect(summary.risk).toBe('destructive');
  });

  it('treats a deletion as destructive', () => {
    expect(summarisePlan(plan([change('a.x', ['delete'])])).risk).toBe('destructive');
  });

  it('keeps an in-place update a change', () => {
    expect(summarisePlan(plan([change('a.x', ['update'])]))).toMatchObject({
      risk: 'change',
      line: '0 to create, 1 to update, 0 to replace, 0 to delete',
    });
  });

  it("says why a resource is replaced: the attributes that force it, else Terraform's reason", () => {
    const summary = summarisePlan(
      plan([
        { ...change('a.x', ['delete', 'create'], { replace_paths: [['node_name'], ['clone', 0, 'vm_id']] }) },
        { ...change('a.y', ['delete', 'create']), action_reason: 'replace_by_request' },
      ]),
    );
    expect(describePlan(summary)).toEqual([
      '0 to create, 0 to update, 2 to replace, 0 to delete',
      '-/+ replace a.x (node_name, clone.0.vm_id cannot be changed in place)',
      '-/+ replace a.y (replace by request)',
    ]);
  });

  it('rejects text that is not a plan', () => {
    expect(() => summarisePlan('{"hello": 1}')).toThrow();
    expect(() => summarisePlan('not json')).toThrow();
  });
});
