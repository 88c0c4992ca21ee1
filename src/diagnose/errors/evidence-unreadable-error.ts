import { AppError } from '../../core/errors/app-error.js';
import { ExitCode } from '../../core/exit-codes.js';

/** A read without which there is nothing to diagnose (the cluster's guest list) failed. */
export class EvidenceUnreadableError extends AppError {
  constructor(what: string, reason: string) {
    super('diagnose.unreadable', `cannot read ${what}: ${reason}`, ExitCode.runtime);
    this.name = 'EvidenceUnreadableError';
  }
}
