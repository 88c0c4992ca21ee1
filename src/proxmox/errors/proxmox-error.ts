import { AppError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';

/** The call an error belongs to, e.g. `POST /nodes/pve1/qemu/101/status/start`. */
export interface ProxmoxCall {
  method: string;
  path: string;
}

/** Base of every error the Proxmox client throws; `call` names the request when there was one. */
export class ProxmoxError extends AppError {
  readonly call: ProxmoxCall | undefined;

  constructor(code: string, message: string, call?: ProxmoxCall, options?: ErrorOptions & { exitCode?: ExitCode }) {
    const { exitCode = ExitCode.runtime, ...errorOptions } = options ?? {};
    super(code, message, exitCode, errorOptions);
    this.name = 'ProxmoxError';
    this.call = call;
  }
}

export function describeCall(call: ProxmoxCall | undefined): string {
  return call ? `${call.method} ${call.path}` : 'the request';
}
