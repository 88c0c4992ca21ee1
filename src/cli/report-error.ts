import { AppError } from '../shared/errors.js';
import { ExitCode } from '../shared/exit-codes.js';
import { printJson, printLine, type CliIo } from './io.js';

export interface ReportOptions {
  json: boolean;
  debug: boolean;
}

/**
 * The one place an error becomes output: one line on stderr (or the JSON
 * error document on stdout with --json) and the exit code it maps to.
 * Stack traces only with --debug.
 */
export function reportError(error: unknown, io: Pick<CliIo, 'stdout' | 'stderr'>, options: ReportOptions): ExitCode {
  const known = AppError.isInstance(error);
  const code = known ? error.code : 'internal';
  const message = known
    ? error.message
    : `unexpected error: ${error instanceof Error ? error.message : String(error)}${options.debug ? '' : ' (run again with --debug for details)'}`;
  const exitCode = known ? error.exitCode : ExitCode.runtime;
  if (options.json) printJson(io.stdout, { error: { code, message } });
  printLine(io.stderr, `proxmox-ai: ${message}`);
  if (options.debug && error instanceof Error && error.stack) printLine(io.stderr, error.stack);
  return exitCode;
}
