import { AppError } from '../../src/shared/errors.js';
import { ExitCode } from '../../src/shared/exit-codes.js';

/** `mcp --http` could not listen on the address it was given. */
export class McpListenError extends AppError {
  constructor(address: string, cause: NodeJS.ErrnoException) {
    const message =
      cause.code === 'EADDRINUSE'
        ? `${address} is already in use; pick another --port (0 picks a free one)`
        : `cannot listen on ${address} (${cause.code ?? cause.message}); check --host and --port`;
    super('mcp.listen', message, ExitCode.runtime, { cause });
    this.name = 'McpListenError';
  }
}
