import type { Registrar } from '../command-kit.js';

const load = () => import('./audit.js');

/** What a passing verify proves after a crash (docs/architecture.md, "Audit trail"). */
const verifyGuarantee = `
What it guarantees:
  A tool call is answered (to the TUI, ask, or an MCP client) only after its records are
  written, fsynced and named in audit/HEAD. So even after a crash or SIGKILL, removing any
  record of a call whose answer was given, or cutting the trail back to before it, makes
  verify fail. A call still running when the process died may have left records that can
  be removed unnoticed: nobody was told it was recorded.`;

export const registerAudit: Registrar = (program, { run, example }) => {
  example('audit show --since 2h', 'what was done in the last two hours');
  example('audit verify', 'check that no audit record was altered or removed');
  example('audit verify --file /var/log/proxmox-ai/trail.jsonl', "verify the log system's copy of the trail");
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
    .option('--file <file>', "verify a receiver's copy instead (one JSON Lines file; repeated records are skipped)")
    .option('--json', 'print the report as JSON')
    .addHelpText('after', verifyGuarantee)
    .action(run(async (ctx, options: { json?: boolean; file?: string }) => (await load()).auditVerify(ctx, options)));
  audit
    .command('export')
    .description('the records as JSON Lines on stdout, for a log stack or SIEM')
    .option('--since <time>', 'only from this time: an age (30m, 2h, 7d) or an ISO time')
    .option('--json', 'JSON Lines (the only format)')
    .action(run(async (ctx, options: { since?: string }) => (await load()).auditExport(ctx, options)));
  const forward = audit
    .command('forward')
    .description('send the trail to audit.forward.url (syslog over TCP/TLS) in the foreground, until stopped')
    .action(run(async (ctx) => (await import('./audit-forward.js')).auditForwardRun(ctx)));
  forward
    .command('status')
    .description('the receiver, the last delivered seq, the lag and which process forwards')
    .option('--json', 'print JSON')
    .action(
      run(async (ctx, options: { json?: boolean }) =>
        (await import('./audit-forward.js')).auditForwardStatus(ctx, options),
      ),
    );
};
