import type { ConfirmRequest } from '../../../src/core/approver.js';
import type { Target } from '../../../src/core/tool.js';

export const template: Target = {
  profile: 'demo',
  cluster: 'homelab',
  node: 'pve1',
  vmid: 105,
  name: 'ubuntu-2404-tmpl',
  tags: [],
};
export const database: Target = {
  profile: 'demo',
  cluster: 'homelab',
  node: 'pve1',
  vmid: 101,
  name: 'db-01',
  tags: ['prod'],
};

export const startTemplate: ConfirmRequest = {
  tool: 'start_vm',
  title: 'Start VM',
  risk: 'change',
  args: { vmid: 105 },
  target: template,
  confirm: 'plain',
  reason: 'rule changes-ask: changes need a human yes',
  ruleId: 'changes-ask',
};

export const stopDatabase: ConfirmRequest = {
  tool: 'stop_vm',
  title: 'Stop VM',
  risk: 'destructive',
  args: { vmid: 101 },
  target: database,
  confirm: 'typed',
  reason: 'rule prod-changes-typed: production changes are typed',
  ruleId: 'prod-changes-typed',
};
