/** Exit codes of the CLI contract (design.md §3). */
export const ExitCode = {
  ok: 0,
  runtime: 1,
  usage: 2,
  denied: 3,
  auditVerifyFailed: 4,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
