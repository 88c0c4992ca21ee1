import type { StatePaths } from '../config/paths.js';
import { jsonForTerminal, terminalText } from '../shared/terminal-text.js';

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
  /** --plain: the conversation as lines, without the full screen (also TERM=dumb). */
  plain?: boolean;
}

export interface CommandContext {
  io: CliIo;
  paths: StatePaths;
  globals: GlobalOptions;
}

/** One line for a human: whatever it quotes (names, log lines, error messages) passes the terminal sanitizer. */
export function printLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${terminalText(text)}\n`);
}

/** A JSON document, with the characters a terminal would act on escaped (it parses to the same value). */
export function printJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${jsonForTerminal(JSON.stringify(value, null, 2))}\n`);
}
