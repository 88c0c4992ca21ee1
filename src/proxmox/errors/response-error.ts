import { describeCall, ProxmoxError, type ProxmoxCall } from './proxmox-error.js';

/** The answer was not what Proxmox sends: an unexpected status, a redirect, or a body that does not parse. */
export class ProxmoxResponseError extends ProxmoxError {
  constructor(detail: string, call?: ProxmoxCall) {
    super('proxmox.bad-response', `unexpected answer to ${describeCall(call)}: ${detail}`, call);
    this.name = 'ProxmoxResponseError';
  }
}
