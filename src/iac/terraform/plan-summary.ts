import { z } from 'zod';

/** The part of `terraform show -json PLANFILE` (format 1.x) we read. */
const planJsonSchema = z.object({
  format_version: z.string(),
  terraform_version: z.string().optional(),
  resource_changes: z
    .array(
      z.object({
        address: z.string(),
        action_reason: z.string().optional(),
        change: z.object({
          actions: z.array(z.string()).min(1),
          replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
        }),
      }),
    )
    .default([]),
});

export type PlanAction = 'create' | 'update' | 'replace' | 'delete' | 'no-op' | 'read' | 'forget';

export interface PlannedChange {
  address: string;
  action: PlanAction;
  /** Why a replacement happens: the attributes that force it, or Terraform's reason. */
  why?: string;
}

export interface PlanSummary {
  terraformVersion?: string;
  changes: PlannedChange[];
  counts: Record<PlanAction, number>;
  /** A plan that deletes or replaces anything is destructive to apply. */
  risk: 'change' | 'destructive';
  /** One line: "2 to create, 0 to update, 0 to replace, 0 to delete". */
  line: string;
}

const symbols: Record<PlanAction, string> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
  'no-op': ' ',
  read: '<=',
  forget: '.',
};

/** Summarises plan JSON; throws when the text is not a Terraform plan. */
export function summarisePlan(json: string): PlanSummary {
  const plan = planJsonSchema.parse(JSON.parse(json));
  const changes = plan.resource_changes.map((change): PlannedChange => {
    const action = actionOf(change.change.actions);
    const paths = change.change.replace_paths?.map((path) => path.join('.')).join(', ');
    const why =
      action === 'replace'
        ? paths
          ? `${paths} cannot be changed in place`
          : change.action_reason?.replaceAll('_', ' ')
        : undefined;
    return { address: change.address, action, ...(why ? { why } : {}) };
  });
  const counts: Record<PlanAction, number> = {
    create: 0,
    update: 0,
    replace: 0,
    delete: 0,
    'no-op': 0,
    read: 0,
    forget: 0,
  };
  for (const change of changes) counts[change.action]++;
  const risk = counts.delete > 0 || counts.replace > 0 ? 'destructive' : 'change';
  const line = `${counts.create} to create, ${counts.update} to update, ${counts.replace} to replace, ${counts.delete} to delete`;
  return {
    ...(plan.terraform_version ? { terraformVersion: plan.terraform_version } : {}),
    changes,
    counts,
    risk,
    line,
  };
}

/** The plan as lines a person reads in a confirmation: `+ create proxmox_virtual_environment_vm.vm_web_1`. */
export function describePlan(summary: PlanSummary): string[] {
  const shown = summary.changes.filter((change) => change.action !== 'no-op');
  return [
    summary.line,
    ...shown.map(
      (change) => `${symbols[change.action]} ${change.action} ${change.address}${change.why ? ` (${change.why})` : ''}`,
    ),
  ];
}

function actionOf(actions: string[]): PlanAction {
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  const [first] = actions;
  if (first === 'create' || first === 'update' || first === 'delete' || first === 'read' || first === 'forget')
    return first;
  return 'no-op';
}
