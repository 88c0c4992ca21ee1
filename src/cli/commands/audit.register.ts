import type { Registrar } from '../command-kit.js';

const load = () => import('./audit.js');

export const registerAudit: Registrar = (program, { run, example }) => {
  example('audit show --since 2h', 'what was done in the last two hours');
  example('audit verify', 'check that no audit record was altered or removed');
  const audit = program.command('audit').description('the local audit trail: show, verify, export');
  audit
    .command('show')
    .description('the recorded calls as a table, newest last')
    .option('--session <id>', 'only this session')
    .option('--since <time>', 'only from this time: an age (30m, 2h, 7d) or an ISO time')
    .option('--tool <glob>', 'only tools matching this glob, e.g. "*_vm"')
    .option('--json', 'print the records as one JSON array')
    .action(
      run(async (ctx, options: { session?: string; since?: string; tool?: string; json?: boolean }) =>
        (await load()).auditShow(ctx, options),
      ),
    );
  audit
    .command('verify')
    .description('recompute the hash chain; exit 4 naming the first bad record')
    .option('--json', 'print the report as JSON')
    .action(run(async (ctx, options: { json?: boolean }) => (await load()).auditVerify(ctx, options)));
  audit
    .command('export')
    .description('the records as JSON Lines on stdout, for a log stack or SIEM')
    .option('--since <time>', 'only from this time: an age (30m, 2h, 7d) or an ISO time')
    .option('--json', 'JSON Lines (the only format)')
    .action(run(async (ctx, options: { since?: string }) => (await load()).auditExport(ctx, options)));
};
