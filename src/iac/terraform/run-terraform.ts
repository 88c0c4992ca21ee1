import type { ExternalProgram, ProgramOutcome } from '../../core/ports/iac.js';
import { summarisePlan, type PlanSummary } from './plan-summary.js';
import { isInitialised } from './workspace.js';

export type TerraformPlanOutcome =
  | { kind: 'planned'; summary: PlanSummary; planFile: string }
  | { kind: 'needs-init'; message: string }
  | { kind: 'failed'; step: string; message: string; output: string[] };

interface RunOptions {
  allowInit: boolean;
  /** Each plan gets its own file, so an older planId can never apply a newer plan. */
  planFile: string;
  signal: AbortSignal;
  onLine?: (line: string) => void;
}

/** `init` (only when allowed and needed), `plan -out`, then `show -json` of the saved plan. */
export async function planWorkspace(
  program: ExternalProgram,
  dir: string,
  options: RunOptions,
): Promise<TerraformPlanOutcome> {
  const run = (args: string[]) =>
    program.run(args, { cwd: dir, signal: options.signal, ...(options.onLine ? { onLine: options.onLine } : {}) });
  if (!isInitialised(dir)) {
    if (!options.allowInit) {
      return {
        kind: 'needs-init',
        message: `${program.name} is installed but the workspace is not initialised, and downloading the bpg/proxmox provider needs consent: run 'proxmox-ai config set iac.allowInit true', or run '${program.name} init' yourself in ${dir}`,
      };
    }
    const init = await run(['init', '-input=false', '-no-color']);
    if (init.exitCode !== 0) return failed(`${program.name} init`, init);
  }
  const plan = await run(['plan', '-input=false', '-no-color', `-out=${options.planFile}`]);
  if (plan.exitCode !== 0) return failed(`${program.name} plan`, plan);
  const show = await program.run(['show', '-json', '-no-color', options.planFile], {
    cwd: dir,
    signal: options.signal,
  });
  if (show.exitCode !== 0) return failed(`${program.name} show -json`, show);
  try {
    return { kind: 'planned', summary: summarisePlan(show.stdout), planFile: options.planFile };
  } catch (error) {
    return {
      kind: 'failed',
      step: `${program.name} show -json`,
      message: `its output is not a plan this version understands (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      output: [],
    };
  }
}

/** Applies a saved plan file; the output streams through onLine. */
export async function applyPlan(
  program: ExternalProgram,
  dir: string,
  planFile: string,
  options: Omit<RunOptions, 'allowInit' | 'planFile'>,
): Promise<ProgramOutcome> {
  return program.run(['apply', '-input=false', '-no-color', planFile], {
    cwd: dir,
    signal: options.signal,
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
}

/** The lines that say what went wrong: Terraform's "Error:" paragraphs, else the last lines. */
export function failureLines(outcome: ProgramOutcome): string[] {
  const lines = `${outcome.stderr}\n${outcome.stdout}`
    .split('\n')
    .map((line) => line.replace(/^[│╷╵]\s?/, '').trimEnd());
  const start = lines.findIndex((line) => line.startsWith('Error:'));
  const chosen = start >= 0 ? lines.slice(start) : lines;
  return chosen.filter((line) => line.trim() !== '').slice(0, 15);
}

function failed(step: string, outcome: ProgramOutcome): TerraformPlanOutcome {
  const output = failureLines(outcome);
  return { kind: 'failed', step, message: `${step} failed (exit ${outcome.exitCode ?? outcome.signal})`, output };
}
