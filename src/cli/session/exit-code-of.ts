import type { ToolOutcome } from '../../core/call-outcome.js';
import { ExitCode } from '../../shared/exit-codes.js';

/** Exit code of a command that made tool calls: 3 if any was denied, 1 if any failed, else 0 (docs/architecture.md, "Errors and exit codes"). */
export function exitCodeOf(outcomes: readonly ToolOutcome[]): ExitCode {
  if (outcomes.some((outcome) => outcome.status === 'denied')) return ExitCode.denied;
  if (outcomes.some((outcome) => outcome.status !== 'ok' && outcome.status !== 'cached')) return ExitCode.runtime;
  return ExitCode.ok;
}
