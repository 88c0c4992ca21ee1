import type { Registrar } from '../command-kit.js';

export const registerUndo: Registrar = (program, { run, example }) => {
  example('undo', 'list the snapshots taken before changes and the config changes made, to undo one');
  program
    .command('undo [snapshot-or-change]')
    .description(
      'list undo snapshots and config changes, or roll back to a snapshot / restore a config change (a confirmed, audited call)',
    )
    .option('--json', 'print JSON')
    .action(
      run(async (ctx, snapshot: string | undefined, options: { json?: boolean }) =>
        (await import('./undo.js')).undo(ctx, snapshot, options),
      ),
    );
};
