import { UsageError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';
import { demoScenarioPath, loadScenarioFile, startSimulator } from '../../sim/index.js';
import { printLine, type CommandContext } from '../io.js';

/**
 * `proxmox-ai sim`: starts the simulator, prints exactly one JSON line once it
 * listens (docs/architecture.md, "The command line"), then nothing until SIGINT/SIGTERM stop it.
 */
export async function runSim(
  ctx: CommandContext,
  options: { port: string; scenario?: string },
  stopped: () => Promise<void> = untilSignal,
): Promise<number> {
  const port = parsePort(options.port);
  const scenario = loadScenarioFile(options.scenario ?? demoScenarioPath());
  const sim = await startSimulator({ scenario, port });
  // Listen for the stop signal before announcing the URL: a caller may signal as soon as it reads the line.
  const stop = stopped();
  printLine(
    ctx.io.stdout,
    JSON.stringify({ url: sim.url, tokenId: sim.tokenId, tokenSecret: sim.tokenSecret, fingerprint: sim.fingerprint }),
  );
  await stop;
  await sim.close();
  return ExitCode.ok;
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65_535)
    throw new UsageError(`--port takes a number from 0 to 65535 (0 picks a free port), not '${raw}'`);
  return port;
}

/**
 * Resolves on the first SIGINT or SIGTERM. The listeners stay installed: with
 * none left, signal-exit (loaded by dependencies) would re-raise the signal and
 * kill the process before the simulator has closed.
 */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
}
