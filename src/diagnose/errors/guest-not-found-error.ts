import { AppError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';

/** The vmid is not in the cluster (or the token cannot see it). */
export class GuestNotFoundError extends AppError {
  constructor(vmid: number) {
    super('diagnose.guest-not-found', `VM ${vmid} not found in cluster`, ExitCode.runtime);
    this.name = 'GuestNotFoundError';
  }
}
