import { Command } from 'commander';
import { packageVersion } from '../config/package-info.js';
import { makeKit, type Registrar } from './command-kit.js';
import { registerAsk } from './commands/ask.register.js';
import { registerAudit } from './commands/audit.register.js';
import { registerCache } from './commands/cache.register.js';
import { registerCompletion } from './commands/completion.register.js';
import { registerConfig } from './commands/config.register.js';
import { registerDiagnose } from './commands/diagnose.register.js';
import { registerDoctor } from './commands/doctor.register.js';
import { registerInit } from './commands/init.register.js';
import { registerPolicy } from './commands/policy.register.js';
import { registerUndo } from './commands/undo.register.js';
import { registerMcp } from './commands/mcp.register.js';
import { registerSim } from './commands/sim.register.js';
import { editDistance } from '../config/edit-distance.js';
import { UsageError } from '../shared/errors.js';
import type { CliIo } from './io.js';
import { terminalText } from '../shared/terminal-text.js';

/** The commands, in help order. Each registrar imports its implementation only when it runs. */
const registrars: Registrar[] = [
  registerInit,
  registerAsk,
  registerDiagnose,
  registerConfig,
  registerDoctor,
  registerPolicy,
  registerAudit,
  registerSim,
  registerMcp,
  registerUndo,
  registerCache,
  registerCompletion,
];

/**
 * The command tree. `--version`, `--help` and `config` never load Ink, the
 * MCP SDK or ollama: heavy modules are imported inside the commands that use them.
 */
export function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('proxmox-ai')
    .description('A guarded, audited terminal assistant for Proxmox VE, driven by a local model.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--profile <name>', 'cluster profile to use (default: defaultProfile)')
    .option('--demo', 'use the embedded Proxmox VE simulator with the demo scenario')
    .option('--scenario <file>', 'use the embedded simulator with this scenario (YAML or JSON)')
    .option('--no-color', 'plain output without colour (also NO_COLOR)')
    .option('--plain', 'the conversation as plain lines, without the full screen (also TERM=dumb)')
    .option('--debug', 'show stack traces for errors')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(terminalText(text)),
      writeErr: (text) => io.stderr.write(terminalText(text)),
      outputError: () => undefined,
    })
    .addHelpText(
      'after',
      () => `\nExamples:\n${examples.map(([cmd, what]) => `  proxmox-ai ${cmd.padEnd(48)} ${what}`).join('\n')}\n`,
    );
  const examples: Array<[string, string]> = [];
  const kit = makeKit(io, setExitCode, examples);
  for (const register of registrars) register(program, kit);
  // The default command (no subcommand) is the TUI; a stray word is an unknown command, not an argument.
  program.allowExcessArguments(true).action(
    kit.run(async (ctx) => {
      if (program.args.length > 0)
        throw unknownCommand(
          program.args[0]!,
          program.commands.map((command) => command.name()),
        );
      return (await import('./commands/tui.js')).tui(ctx);
    }),
  );
  return program;
}

function unknownCommand(word: string, commands: string[]): UsageError {
  const nearest = commands
    .map((name) => ({ name, distance: editDistance(word, name) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const hint = nearest && nearest.distance <= 2 ? `; did you mean '${nearest.name}'?` : '';
  return new UsageError(`unknown command '${word}'${hint} (see 'proxmox-ai --help')`);
}
