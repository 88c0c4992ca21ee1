import { z } from 'zod';
import type { IacPort, SavedPlan } from '../src/core/ports/iac.js';
import { defineTool } from '../src/core/tool.js';
import { requireIac } from './support/session-ports.js';
import { applyPlan, failureLines } from '../src/iac/terraform/run-terraform.js';
import { fenceAsData } from '../src/core/fence.js';
import { nodeTarget } from './support/guests.js';
import { ToolInputError } from './support/tool-input-error.js';

const planIdSchema = z
  .string()
  .regex(
    /^plan-[a-z2-7]{10}-(change|destructive)$/,
    'a planId exactly as plan_terraform returned it, e.g. "plan-abcdefghij-change"',
  )
  .describe('the planId plan_terraform returned in this session');

export const applyTerraform = defineTool({
  name: 'apply_terraform',
  title: 'Apply a Terraform plan',
  description:
    'Apply a Terraform plan that plan_terraform made in this session, exactly as planned; asks for confirmation showing the plan first. Only a real plan has a planId (a preview has none). Argument: planId (e.g. "plan-abcdefghij-change"). Plans that delete or replace VMs are treated as destructive.',
  input: z.object({ planId: planIdSchema }).strict(),
  risk: 'destructive',
  // Safety: the suffix is set by plan_terraform from the plan's own changes; plans are found by the whole id, so a forged suffix names no plan.
  riskFor: (args) => (args.planId.endsWith('-destructive') ? 'destructive' : 'change'),
  async target(args, ctx) {
    const plan = savedPlan(requireIac(ctx), args.planId);
    return { ...nodeTarget(ctx, plan.node), name: plan.name, detail: plan.summary };
  },
  async run(args, ctx) {
    const iac = requireIac(ctx);
    const plan = savedPlan(iac, args.planId);
    if (!iac.terraform)
      throw new ToolInputError('terraform (or tofu) is no longer on PATH; the plan cannot be applied');
    // A plan is spent once it starts applying, whatever the outcome: plan again to retry.
    iac.plans.save(plan.planId, { ...plan, applied: true });
    ctx.progress(`${iac.terraform.name} apply ${plan.planFile} in ${plan.workspace}`);
    const outcome = await applyPlan(iac.terraform, plan.workspace, plan.planFile, {
      signal: ctx.signal,
      onLine: (line) => ctx.progress(line),
    });
    const structured = {
      planId: plan.planId,
      name: plan.name,
      node: plan.node,
      workspace: plan.workspace,
      exitCode: outcome.exitCode,
    };
    if (outcome.exitCode !== 0) {
      const lines = failureLines(outcome);
      return {
        failed: true,
        text: `${iac.terraform.name} apply of ${plan.planId} FAILED (exit ${outcome.exitCode ?? outcome.signal}); some changes may have been made, run plan_terraform again to see the state:\n${fenceAsData('terraform apply output', lines)}`,
        summary: `apply ${plan.planId} failed`,
        structured: { ...structured, output: lines },
      };
    }
    const tail = outcome.stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(-5);
    return {
      text: `applied ${plan.planId} (${plan.summary.split('\n')[0]}):\n${fenceAsData('terraform apply output', tail)}`,
      summary: `applied ${plan.planId}: ${plan.summary.split('\n')[0]}`,
      structured: { ...structured, output: tail },
    };
  },
});

function savedPlan(iac: IacPort, planId: string): SavedPlan {
  const plan = iac.plans.get(planId);
  if (!plan)
    throw new ToolInputError(
      `there is no plan ${planId} in this session; call plan_terraform first and use the planId it returns`,
    );
  if (plan.applied)
    throw new ToolInputError(`plan ${planId} was already applied; call plan_terraform again for a fresh plan`);
  return plan;
}
