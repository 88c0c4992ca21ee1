import type { Registrar } from '../command-kit.js';

const load = () => import('./policy.js');

export const registerPolicy: Registrar = (program, { run, example }) => {
  example('policy check policy.yaml', 'validate a policy rules file');
  example(`policy explain stop_vm '{"vmid":100}' --demo`, 'which rule decides a call, and why');
  const policy = program.command('policy').description('policy rules: validate a rules file, explain a decision');
  policy
    .command('check <file>')
    .description('validate a rules file (a YAML list of rules); names the line, rule id and field of a problem')
    .option('--json', 'print JSON')
    .action(
      run(async (ctx, file: string, options: { json?: boolean }) => (await load()).policyCheck(ctx, file, options)),
    );
  policy
    .command('explain <tool> <argsJson>')
    .description('resolve the target and show the rule that decides, the verdict, the confirmation kind and why')
    .option('--actor <name>', 'as called with the MCP token of this person (rules with where.actor)')
    .option('--json', 'print JSON')
    .action(
      run(async (ctx, tool: string, argsJson: string, options: { json?: boolean; actor?: string }) =>
        (await import('./policy-explain.js')).policyExplain(ctx, tool, argsJson, options),
      ),
    );
};
