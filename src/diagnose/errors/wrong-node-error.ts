import { AppError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';

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
