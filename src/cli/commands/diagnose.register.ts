import type { Registrar } from '../command-kit.js';

interface DiagnoseFlags {
  node?: string;
  all?: boolean;
  json?: boolean;
}

export const registerDiagnose: Registrar = (program, { run, example }) => {
  example('diagnose 101 --demo', 'why VM 101 of the demo fails: verdict, evidence, fix');
  example('diagnose --all', 'every problem of the cluster, most severe first');
  program
    .command('diagnose [vmid]')
    .description(
      'explain from evidence why a VM or container fails (an audited read); --all lists every problem in the cluster',
    )
    .option('--node <node>', 'the node the guest is on (checked against the cluster); with --all, only this node')
    .option('--all', 'find problems across the cluster instead of diagnosing one guest')
    .option('--json', 'print JSON')
    .action(
      run(async (ctx, vmid: string | undefined, flags: DiagnoseFlags) =>
        (await import('./diagnose.js')).diagnose(ctx, vmid, flags),
      ),
    );
};
