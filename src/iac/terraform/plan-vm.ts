import type { IacPort } from '../../core/ports/iac.js';
import type { ProxmoxApi } from '../../core/ports/proxmox-api.js';
import { IacRequestError } from '../iac-error.js';
import { checkHcl } from './check-hcl.js';
import { ClusterFacts } from './cluster-facts.js';
import { writeHcl } from './hcl-writer.js';
import { describePlan, type PlanSummary } from './plan-summary.js';
import { previewLines } from './preview.js';
import { planWorkspace } from './run-terraform.js';
import { resolveVmRequest, type ResolvedVmRequest } from './validate-request.js';
import { vmConfiguration } from './vm-hcl.js';
import type { VmRequest } from './vm-request.js';
import { stateResourceCount, terraformWorkspace, writeConfiguration } from './workspace.js';

interface Written {
  resolved: ResolvedVmRequest;
  hcl: string;
  file: string;
}

export type VmPlanResult =
  | (Written & { kind: 'planned'; planId: string; summary: PlanSummary; program: string })
  | (Written & { kind: 'preview'; why: string; preview: string[]; output: string[] });

export interface PlanVmDeps {
  iac: IacPort;
  proxmox: ProxmoxApi;
  signal: AbortSignal;
  progress(message: string): void;
}

/**
 * Validates the request against the live cluster, writes checked HCL into the
 * request's workspace, and plans it with Terraform/OpenTofu when one is on
 * PATH. Without one (or without consent to init, or when the plan fails) the
 * answer is a preview, labelled as such; a plan is saved only when one ran.
 */
export async function planVmRequest(request: VmRequest, deps: PlanVmDeps): Promise<VmPlanResult> {
  const { iac } = deps;
  const resolved = await resolveVmRequest(request, new ClusterFacts(deps.proxmox, deps.signal));
  const hcl = writeHcl(vmConfiguration(resolved, iac.endpoint));
  const problems = checkHcl(hcl);
  if (problems.length > 0)
    throw new IacRequestError(
      `the generated HCL failed its check, so it was not written: ${problems.join('; ')}`,
      'iac.hcl-check',
    );
  const dir = terraformWorkspace(iac.workspacesDir, request.name);
  const written: Written = { resolved, hcl, file: writeConfiguration(dir, hcl) };
  const preview = () => previewLines(resolved, stateResourceCount(dir));

  if (!iac.terraform)
    return {
      ...written,
      kind: 'preview',
      why: 'neither terraform nor tofu is on PATH',
      preview: preview(),
      output: [],
    };
  deps.progress(`${iac.terraform.name}: planning in ${dir}`);
  const base = `plan-${iac.newId()}`;
  const outcome = await planWorkspace(iac.terraform, dir, {
    allowInit: iac.allowInit,
    planFile: `${base}.tfplan`,
    signal: deps.signal,
    onLine: (line) => deps.progress(line),
  });
  if (outcome.kind === 'needs-init')
    return { ...written, kind: 'preview', why: outcome.message, preview: preview(), output: [] };
  if (outcome.kind === 'failed')
    return { ...written, kind: 'preview', why: outcome.message, preview: preview(), output: outcome.output };

  // Safety: the id carries the plan's risk; apply_terraform looks plans up by the whole id, so an edited suffix names no plan.
  const planId = `${base}-${outcome.summary.risk}`;
  const summary = describePlan(outcome.summary).join('\n');
  iac.plans.save(planId, {
    planId,
    name: request.name,
    node: request.node,
    workspace: dir,
    planFile: outcome.planFile,
    summary,
    risk: outcome.summary.risk,
    applied: false,
  });
  return { ...written, kind: 'planned', planId, summary: outcome.summary, program: iac.terraform.name };
}
