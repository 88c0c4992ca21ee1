import { InvalidArgumentError } from 'commander';
import type { Registrar } from '../command-kit.js';

export const registerAsk: Registrar = (program, { run, example }) => {
  example('ask --demo "why did VM 101 fail to start?"', 'one question, answered without prompting');
  program
    .command('ask <question>')
    .description(
      'ask one question headless: never prompts; calls that need confirmation are denied unless --approve covers them',
    )
    .option('--json', 'print {answer, stopReason, toolCalls, usage, exitCode}')
    .option(
      '--approve <class>',
      'approve asked calls up to: read, change or all (all also answers typed confirmation)',
      (value) => {
        if (!['read', 'change', 'all'].includes(value)) throw new InvalidArgumentError('use read, change or all');
        return value;
      },
    )
    .option('--max-steps <n>', 'tool rounds before stopping (default ai.maxSteps, 12)', (value) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('a whole number from 1 to 100');
      return n;
    })
    .action(
      run(
        async (
          ctx,
          question: string,
          options: { json?: boolean; approve?: 'read' | 'change' | 'all'; maxSteps?: number },
        ) => (await import('./ask.js')).ask(ctx, question, options),
      ),
    );
};
