import type { StatePaths } from '../config/paths.js';

/** The streams and environment a command may use; injected so tests can capture them. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

/** Global flags (docs/architecture.md, "The command line"), as every command sees them. */
export interface GlobalOptions {
  profile?: string;
  /** --demo: the embedded simulator with the demo scenario. */
  demo: boolean;
  /** --scenario FILE: the embedded simulator with that scenario. */
  scenario?: string;
  color: boolean;
  debug: boolean;
}

export interface CommandContext {
  io: CliIo;
  paths: StatePaths;
  globals: GlobalOptions;
}

export function printLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}

export function printJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}
