import type { Registrar } from '../command-kit.js';
import type { InitOptions } from './init.js';

export const registerInit: Registrar = (program, { run, example }) => {
  example('init', 'set up a profile: URL, certificate, API token, test');
  example(
    'init --profile lab --url https://pve1:8006 --token-id ai@pve!assistant --token-secret - --fingerprint AB:CD:...',
    'the same in a script, the secret on stdin',
  );
  program
    .command('init')
    .description('set up a profile (--profile, default home): trust the certificate, test the API token, save')
    .option('--url <url>', 'Proxmox VE URL, e.g. https://pve1:8006')
    .option('--token-id <id>', 'API token id, USER@REALM!TOKENID')
    .option('--token-secret <secret>', "API token secret; '-' reads it from stdin")
    .option('--fingerprint <sha256>', 'the SHA-256 fingerprint the certificate must have')
    .option('--ca-file <file>', 'CA certificate that signs the node certificate (pve-root-ca.pem)')
    .action(run(async (ctx, options: InitOptions) => (await import('./init.js')).init(ctx, options)));
};
