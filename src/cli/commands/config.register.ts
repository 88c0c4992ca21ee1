import type { Registrar } from '../command-kit.js';

const load = () => import('./config.js');

export const registerConfig: Registrar = (program, { run, example }) => {
  example('config set profiles.home.url https://pve1:8006', 'set a value (secrets go to secrets.json)');
  example('config list', 'show every key that is set');
  const config = program.command('config').description('read and change settings (config.json and secrets.json)');
  config
    .command('get <key>')
    .description('print one value (secrets show as [set])')
    .option('--json', 'print JSON')
    .action(run(async (ctx, key: string, options: { json?: boolean }) => (await load()).configGet(ctx, key, options)));
  config
    .command('set <key> <value>')
    .description(
      "set a value; secrets such as profiles.NAME.tokenSecret go to secrets.json (0600); '-' reads a secret from stdin",
    )
    .action(run(async (ctx, key: string, value: string) => (await load()).configSet(ctx, key, value)));
  config
    .command('unset <key>')
    .description('remove a value; profiles.NAME removes the whole profile and its secrets')
    .action(run(async (ctx, key: string) => (await load()).configUnset(ctx, key)));
  config
    .command('list')
    .description('every key that is set')
    .option('--json', 'print JSON')
    .action(run(async (ctx, options: { json?: boolean }) => (await load()).configList(ctx, options)));
  config
    .command('path')
    .description("print the config file's path")
    .action(run(async (ctx) => (await load()).configPath(ctx)));
  config
    .command('keys')
    .description('every settable key with its type')
    .action(run(async (ctx) => (await load()).configKeys(ctx)));
};
