import { AppError } from '../shared/errors.js';
import { ExitCode } from '../shared/exit-codes.js';

/** A Terraform or Ansible request that does not fit the cluster, the config or the rules; one line naming what to fix. */
export class IacRequestError extends AppError {
  constructor(message: string, code = 'iac.request') {
    super(code, message, ExitCode.usage);
    this.name = 'IacRequestError';
  }
}
