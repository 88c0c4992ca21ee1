import type { Registrar } from '../command-kit.js';

export const registerCache: Registrar = (program, { run }) => {
  program
    .command('cache')
    .description('the short-lived cache of read-only tool answers (ai.cacheEnabled, ai.cacheTtlSeconds)')
    .command('clear')
    .description('forget every cached read')
    .action(
      run(async (ctx) => {
        const { removeEntries } = await import('../../cache/file-read-cache.js');
        ctx.io.stderr.write(`removed ${removeEntries(ctx.paths.cacheDir)} cached reads\n`);
        return 0;
      }),
    );
};
