import { describe, expect, it } from 'vitest';
import { isHidden } from '../../src/policy/visibility.js';
import { rules, shippedDefaults } from './support.js';

describe('isHidden', () => {
  it('shows every tool under the shipped defaults', () => {
    expect(isHidden('stop_vm', 'destructive', shippedDefaults, 'normal')).toBe(false);
    expect(isHidden('list_vms', 'read', shippedDefaults, 'normal')).toBe(false);
  });

  it('hides non-read tools in read-only mode and keeps reads', () => {
    expect(isHidden('start_vm', 'change', shippedDefaults, 'read-only')).toBe(true);
    expect(isHidden('stop_vm', 'destructive', shippedDefaults, 'read-only')).toBe(true);
    expect(isHidden('list_vms', 'read', shippedDefaults, 'read-only')).toBe(false);
  });

  it('hides a tool an unconditional deny rule covers', () => {
    const user = rules('- id: never-stop\n  tools: ["stop_vm", "rollback_snapshot"]\n  verdict: deny\n');
    expect(isHidden('stop_vm', 'destructive', [...user, ...shippedDefaults], 'normal')).toBe(true);
    expect(isHidden('start_vm', 'change', [...user, ...shippedDefaults], 'normal')).toBe(false);
  });

  it('hides tools denied by risk alone', () => {
    const user = rules('- id: no-destruction\n  risk: [destructive]\n  verdict: deny\n');
    expect(isHidden('rollback_snapshot', 'destructive', [...user, ...shippedDefaults], 'normal')).toBe(true);
  });

  it('keeps a tool whose deny depends on the target', () => {
    const user = rules('- id: prod-hands-off\n  tools: ["stop_vm"]\n  where: { tags: ["prod"] }\n  verdict: deny\n');
    expect(isHidden('stop_vm', 'destructive', [...user, ...shippedDefaults], 'normal')).toBe(false);
  });

  it('keeps a tool whose deny depends on the arguments', () => {
    const user = rules('- id: no-ram\n  tools: ["snapshot_vm"]\n  args: { includeRam: true }\n  verdict: deny\n');
    expect(isHidden('snapshot_vm', 'change', [...user, ...shippedDefaults], 'normal')).toBe(false);
  });

  it('keeps a tool an earlier rule may allow before the unconditional deny', () => {
    const user = rules(`
- id: lab-stops
  tools: ["stop_vm"]
  where: { node: "pve-lab*" }
  verdict: allow
- id: never-stop
  tools: ["stop_vm"]
  verdict: deny
`);
    expect(isHidden('stop_vm', 'destructive', user, 'normal')).toBe(false);
  });

  it('hides a tool when conditional denies come before an unconditional one', () => {
    const user = rules(`
- id: prod-hands-off
  tools: ["stop_vm"]
  where: { tags: ["prod"] }
  verdict: deny
- id: never-stop
  tools: ["stop_vm"]
  verdict: deny
`);
    expect(isHidden('stop_vm', 'destructive', user, 'normal')).toBe(true);
  });

  it('keeps a tool an earlier unconditional rule decides otherwise', () => {
    const user = rules(
      '- id: stops-ask\n  tools: ["stop_vm"]\n  verdict: ask\n- id: never-stop\n  tools: ["stop_vm"]\n  verdict: deny\n',
    );
    expect(isHidden('stop_vm', 'destructive', user, 'normal')).toBe(false);
  });

  it('hides a tool with argument-dependent risk only when every risk it can have is denied', () => {
    const user = rules('- id: no-changes\n  risk: [change]\n  verdict: deny\n');
    expect(isHidden('run_playbook', ['read', 'change'], [...user, ...shippedDefaults], 'normal')).toBe(false);
    expect(isHidden('run_playbook', ['read', 'change'], shippedDefaults, 'read-only')).toBe(false);
    expect(isHidden('apply_terraform', ['change', 'destructive'], shippedDefaults, 'read-only')).toBe(true);
  });
});

describe('isHidden for a known actor', () => {
  const user = rules('- id: ci-reads\n  risk: [change, destructive]\n  where: { actor: ["ci-*"] }\n  verdict: deny\n');

  it('hides what a deny for that actor covers, and only for that actor', () => {
    expect(isHidden('start_vm', 'change', [...user, ...shippedDefaults], 'normal', 'ci-nightly')).toBe(true);
    expect(isHidden('start_vm', 'change', [...user, ...shippedDefaults], 'normal', 'alice')).toBe(false);
    expect(isHidden('start_vm', 'change', [...user, ...shippedDefaults], 'normal')).toBe(false);
    expect(isHidden('list_vms', 'read', [...user, ...shippedDefaults], 'normal', 'ci-nightly')).toBe(false);
  });
});
