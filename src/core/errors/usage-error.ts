import { ExitCode } from '../exit-codes.js';
import { AppError } from './app-error.js';

/** The command line itself is wrong: unknown command, flag or argument form. */
export class UsageError extends AppError {
  constructor(message: string) {
    super('usage', message, ExitCode.usage);
    this.name = 'UsageError';
  }
}
