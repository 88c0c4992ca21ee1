import { AppError } from '../../src/shared/errors.js';
import { ExitCode } from '../../src/shared/exit-codes.js';

/** The call names something that does not exist or does not fit; the caller can correct it. */
export class ToolInputError extends AppError {
  constructor(message: string) {
    super('tool.input', message, ExitCode.usage);
    this.name = 'ToolInputError';
  }
}
