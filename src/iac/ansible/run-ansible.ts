import path from 'node:path';
import type { ExternalProgram } from '../../core/ports/iac.js';
import type { ExtraVars } from './playbook-args.js';
import { parseRecap, type PlaybookRecap } from './recap.js';

export interface PlaybookRun {
  /** Real path inside a configured playbook directory (see resolvePlaybook). */
  playbookFile: string;
  inventory: string;
  limit?: string;
  extraVars?: ExtraVars;
  check: boolean;
}

export interface PlaybookOutcome {
  recap: PlaybookRecap;
  exitCode: number | null;
  /** True when any host failed or was unreachable, or the run stopped with an error. */
  failed: boolean;
  /** The last output lines, for when there is no recap to show. */
  tail: string[];
}

/** The argument array of one run; nothing here passes through a shell. */
export function playbookArgs(run: PlaybookRun): string[] {
  const vars =
    run.extraVars && Object.keys(run.extraVars).length > 0 ? ['--extra-vars', JSON.stringify(run.extraVars)] : [];
  return [
    '-i',
    run.inventory,
    ...(run.limit ? ['--limit', run.limit] : []),
    ...vars,
    ...(run.check ? ['--check', '--diff'] : []),
    run.playbookFile,
  ];
}

export async function runPlaybook(
  program: ExternalProgram,
  run: PlaybookRun,
  options: { signal: AbortSignal; onLine?: (line: string) => void },
): Promise<PlaybookOutcome> {
  const outcome = await program.run(playbookArgs(run), {
    cwd: path.dirname(run.playbookFile),
    signal: options.signal,
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
  const output = `${outcome.stdout}\n${outcome.stderr}`;
  const recap = parseRecap(output);
  const hostTrouble = recap.hosts.some((host) => host.failed > 0 || host.unreachable > 0);
  const tail = output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-12);
  return {
    recap,
    exitCode: outcome.exitCode,
    failed: outcome.exitCode !== 0 || hostTrouble || recap.errors.length > 0,
    tail,
  };
}
