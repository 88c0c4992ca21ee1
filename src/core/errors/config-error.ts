import { ExitCode } from '../exit-codes.js';
import { AppError } from './app-error.js';

/** A config key or value, or a config file, that the user must fix. */
export class ConfigError extends AppError {
  constructor(message: string, code = 'config') {
    super(code, message, ExitCode.usage);
    this.name = 'ConfigError';
  }
}
