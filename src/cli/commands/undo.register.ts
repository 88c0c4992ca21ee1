import type { Registrar } from '../command-kit.js';

export const registerUndo: Registrar = (program, { run, example }) => {
  example('undo', 'list the snapshots taken before changes, to roll one back');
  program
    .command('undo [snapshot]')
    .description(
      'list undo snapshots (taken before changes when policy asks), or roll back to one (a confirmed, audited call)',
    )
    .option('--json', 'print JSON')
    .action(
      run(async (ctx, snapshot: string | undefined, options: { json?: boolean }) =>
        (await import('./undo.js')).undo(ctx, snapshot, options),
      ),
    );
};
