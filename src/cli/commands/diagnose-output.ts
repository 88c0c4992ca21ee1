import { isToolError, type ToolOutcome } from '../../core/call-outcome.js';
import { AppError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';
import { guestDiagnosisSchema, problemsReportSchema } from '../../diagnose/report-schema.js';
import { renderDiagnosis, renderProblems } from '../../diagnose/render-terminal.js';
import { printJson, printLine, type CommandContext } from '../io.js';

/** What to diagnose: one guest (vmid, node checked) or, with `all`, the whole cluster (or one node). */
export type DiagnoseRequest =
  { all: false; vmid: number; node?: string; json: boolean } | { all: true; node?: string; json: boolean };

/** How the command reaches the tools: through the scheduler, so the call is validated, decided and audited. */
export type CallTool = (name: string, args: Record<string, unknown>) => Promise<ToolOutcome>;

/** The diagnosis call did not end ok (unknown vmid, denied, failed reads); its text says why. */
export class DiagnoseFailedError extends AppError {
  constructor(outcome: ToolOutcome) {
    super('diagnose.failed', outcome.text, outcome.status === 'denied' ? ExitCode.denied : ExitCode.runtime);
    this.name = 'DiagnoseFailedError';
  }
}

/** One diagnosis call, printed from its structured content: one JSON document, or text within 80 columns. */
export async function runDiagnose(ctx: CommandContext, request: DiagnoseRequest, callTool: CallTool): Promise<number> {
  const node = request.node === undefined ? {} : { node: request.node };
  const outcome = request.all
    ? await callTool('find_problems', node)
    : await callTool('diagnose_vm', { vmid: request.vmid, ...node });
  if (isToolError(outcome)) throw new DiagnoseFailedError(outcome);
  if (request.json) {
    printJson(ctx.io.stdout, outcome.structured ?? {});
    return ExitCode.ok;
  }
  const lines = request.all ? renderReport(outcome) : renderGuest(outcome);
  for (const line of lines) printLine(ctx.io.stdout, line);
  return ExitCode.ok;
}

function renderGuest(outcome: ToolOutcome): string[] {
  const diagnosis = guestDiagnosisSchema.parse(outcome.structured);
  return renderDiagnosis(diagnosis, diagnosis.reads.length);
}

function renderReport(outcome: ToolOutcome): string[] {
  const report = problemsReportSchema.parse(outcome.structured);
  return renderProblems(report, report.reads.length);
}
