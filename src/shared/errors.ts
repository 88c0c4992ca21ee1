import { ExitCode } from './exit-codes.js';

const marker = Symbol.for('proxmox-ai.error');

/**
 * An error meant for the user: a stable `code`, a one-line `message` and the
 * exit code the CLI ends with. Anything else that reaches the CLI is a bug.
 */
export class AppError extends Error {
  readonly [marker] = true;
  readonly code: string;
  readonly exitCode: ExitCode;

  constructor(code: string, message: string, exitCode: ExitCode = ExitCode.runtime, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.exitCode = exitCode;
  }

  static isInstance(value: unknown): value is AppError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}

/** A config key or value, or a config file, that the user must fix. */
export class ConfigError extends AppError {
  constructor(message: string, code = 'config') {
    super(code, message, ExitCode.usage);
    this.name = 'ConfigError';
  }
}

/** The command line itself is wrong: unknown command, flag or argument form. */
export class UsageError extends AppError {
  constructor(message: string) {
    super('usage', message, ExitCode.usage);
    this.name = 'UsageError';
  }
}
