import type { Command } from 'commander';
import type { Registrar } from '../command-kit.js';

const load = () => import('./sim.js');

interface SimOptions {
  port: string;
  scenario?: string;
}

export const registerSim: Registrar = (program, { run, example }) => {
  example('sim', 'run the Proxmox VE simulator with the demo scenario');
  example('sim --port 8006 --scenario my-cluster.yaml', 'simulate your own scenario on a fixed port');
  const handler = run(async (ctx, options: SimOptions) => (await load()).runSim(ctx, options));
  program
    .command('sim')
    .description('run the Proxmox VE simulator on 127.0.0.1; prints one JSON line with url, token and fingerprint')
    .option('--port <n>', 'port to listen on (0: a free one)', '0')
    .option('--scenario <file>', 'scenario file, YAML or JSON (default: the demo scenario)')
    // The program's global --scenario takes the flag wherever it appears, so read the merged options.
    .action((options: SimOptions, command: Command) =>
      handler({ ...command.optsWithGlobals<SimOptions>(), ...options }, command),
    );
};
