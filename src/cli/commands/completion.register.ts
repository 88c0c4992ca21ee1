import { Argument, type Command } from 'commander';
import { UsageError } from '../../shared/errors.js';
import type { Registrar } from '../command-kit.js';
import { COMPLETION_SHELLS, completionScript, type CompletionShell } from '../completion.js';

/** `completion SHELL` prints a completion script; `help [COMMAND...]` prints what `COMMAND --help` prints. */
export const registerCompletion: Registrar = (program, { run, example }) => {
  example('completion bash >> ~/.bash_completion', 'tab completion for bash (also zsh, fish)');
  program
    .command('completion')
    .description('print a shell completion script: bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell').choices(COMPLETION_SHELLS))
    .action(
      run(async (ctx, shell: CompletionShell) => {
        ctx.io.stdout.write(completionScript(program, shell));
        return 0;
      }),
    );
  program
    .command('help [command...]')
    .description('show help for a command (the same as COMMAND --help)')
    .action(
      run(async (_ctx, words: string[] = []) => {
        findCommand(program, words).outputHelp();
        return 0;
      }),
    );
};

function findCommand(program: Command, words: string[]): Command {
  let command = program;
  for (const word of words) {
    const next = command.commands.find((sub) => sub.name() === word || sub.aliases().includes(word));
    if (!next) {
      const where = command === program ? 'proxmox-ai' : `proxmox-ai ${command.name()}`;
      throw new UsageError(`'${where}' has no command '${word}' (see '${where} --help')`);
    }
    command = next;
  }
  return command;
}
