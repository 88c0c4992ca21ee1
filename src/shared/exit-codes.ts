/** Exit codes of the command line (docs/architecture.md, "Errors and exit codes"). */
export const ExitCode = {
  ok: 0,
  runtime: 1,
  usage: 2,
  denied: 3,
  auditVerifyFailed: 4,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
