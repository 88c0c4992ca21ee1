import { AppError } from '../shared/errors.js';
import { ExitCode } from '../shared/exit-codes.js';

/**
 * A record could not be made durable. The caller must stop the call it was
 * recording (fail closed: docs/architecture.md, "The one pipeline") and tell the user this message.
 */
export class AuditWriteError extends AppError {
  constructor(message: string, code = 'audit.write', options?: ErrorOptions) {
    super(code, message, ExitCode.runtime, options);
    this.name = 'AuditWriteError';
  }
}
