import { AppError } from '../shared/errors.js';
import { ExitCode } from '../shared/exit-codes.js';

/** The errors that end a diagnosis before it starts: what to diagnose cannot be found or read. */

/** The vmid is not in the cluster (or the token cannot see it). */
export class GuestNotFoundError extends AppError {
  constructor(vmid: number) {
    super('diagnose.guest-not-found', `VM ${vmid} not found in cluster`, ExitCode.runtime);
    this.name = 'GuestNotFoundError';
  }
}

/** The caller named a node, but the guest lives on another one. */
export class WrongNodeError extends AppError {
  constructor(vmid: number, actual: string, named: string) {
    super(
      'diagnose.wrong-node',
      `VM ${vmid} is on node ${actual}, not ${named}; leave out --node or name ${actual}`,
      ExitCode.runtime,
    );
    this.name = 'WrongNodeError';
  }
}

/** A read without which there is nothing to diagnose (the cluster's guest list) failed. */
export class EvidenceUnreadableError extends AppError {
  constructor(what: string, reason: string) {
    super('diagnose.unreadable', `cannot read ${what}: ${reason}`, ExitCode.runtime);
    this.name = 'EvidenceUnreadableError';
  }
}
