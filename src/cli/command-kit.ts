import type { Command } from 'commander';
import { resolvePaths } from '../config/paths.js';
import type { CliIo, CommandContext } from './io.js';

/**
 * What a command registrar gets: a way to wrap a handler so it receives the
 * CommandContext and its return value becomes the exit code.
 */
export interface CommandKit {
  io: CliIo;
  /** Adds a line to the Examples section of --help. */
  example(command: string, purpose: string): void;
  run<A extends unknown[]>(
    handler: (ctx: CommandContext, ...args: A) => Promise<number>,
  ): (...args: unknown[]) => Promise<void>;
}

/** A file in src/cli/commands/ that adds one command (group) to the program. Keep it light: import the implementation lazily. */
export type Registrar = (program: Command, kit: CommandKit) => void;

export function makeKit(io: CliIo, setExitCode: (code: number) => void, examples: Array<[string, string]>): CommandKit {
  const context = (command: Command): CommandContext => {
    const options = command.optsWithGlobals<{
      profile?: string;
      color: boolean;
      debug?: boolean;
      demo?: boolean;
      scenario?: string;
      plain?: boolean;
    }>();
    const color = options.color !== false && !io.env.NO_COLOR;
    return {
      io,
      paths: resolvePaths(io.env),
      globals: {
        profile: options.profile,
        color,
        debug: Boolean(options.debug),
        demo: Boolean(options.demo),
        scenario: options.scenario,
        plain: Boolean(options.plain),
      },
    };
  };
  return {
    io,
    example: (command, purpose) => {
      examples.push([command, purpose]);
    },
    run:
      (handler) =>
      async (...args) => {
        const command = args[args.length - 1] as Command;
        setExitCode(await handler(context(command), ...(args.slice(0, -1) as never)));
      },
  };
}
