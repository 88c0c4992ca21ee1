import { AppError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';

/** The simulator's port is taken by another process. */
export class PortInUseError extends AppError {
  constructor(port: number, options?: ErrorOptions) {
    super(
      'sim.port-in-use',
      `port ${port} on 127.0.0.1 is already in use; choose another with --port, or --port 0 for a free one`,
      ExitCode.runtime,
      options,
    );
    this.name = 'PortInUseError';
  }
}
