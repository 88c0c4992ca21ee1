import { AppError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';

/** A read without which there is nothing to diagnose (the cluster's guest list) failed. */
export class EvidenceUnreadableError extends AppError {
  constructor(what: string, reason: string) {
    super('diagnose.unreadable', `cannot read ${what}: ${reason}`, ExitCode.runtime);
    this.name = 'EvidenceUnreadableError';
  }
}
