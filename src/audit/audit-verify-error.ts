import { AppError } from '../shared/errors.js';
import { ExitCode } from '../shared/exit-codes.js';

/** `audit verify` found damage; the message names the first bad record and the kind of damage. */
export class AuditVerifyError extends AppError {
  constructor(message: string) {
    super('audit.damaged', message, ExitCode.auditVerifyFailed);
    this.name = 'AuditVerifyError';
  }
}
