import type { Registrar } from '../command-kit.js';

export const registerDoctor: Registrar = (program, { run, example }) => {
  example('doctor', 'check Node, state dir, config, TLS trust, Ollama, egress');
  program
    .command('doctor')
    .description('check this machine, the config, Proxmox TLS trust, Ollama and egress')
    .option('--json', 'print JSON')
    .action(run(async (ctx, options: { json?: boolean }) => (await import('./doctor.js')).doctor(ctx, options)));
};
