import { CommanderError } from 'commander';
import { UsageError } from '../shared/errors.js';
import { ExitCode } from '../shared/exit-codes.js';
import type { CliIo } from './io.js';
import { buildProgram } from './program.js';
import { reportError } from './report-error.js';
import { stopAuditForwarding } from './session/audit-forwarding.js';

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const debug = argv.includes('--debug');
  const state = { exitCode: ExitCode.ok as number };
  try {
    const program = buildProgram(io, (code) => {
      state.exitCode = code;
    });
    await program.parseAsync([...argv], { from: 'user' });
    await stopAuditForwarding();
    return state.exitCode;
  } catch (error) {
    await stopAuditForwarding();
    if (error instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code))
        // A command group without its subcommand prints its help to stderr, and that is a usage error.
        return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
      const message = error.message.replace(/^error: /, '');
      return reportError(new UsageError(`${message} (see 'proxmox-ai --help')`), io, { json, debug });
    }
    return reportError(error, io, { json, debug });
  }
}
