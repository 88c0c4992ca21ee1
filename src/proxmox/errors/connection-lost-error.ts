import { describeCall, ProxmoxError, type ProxmoxCall } from './proxmox-error.js';

/** The connection broke after the request went out; a write may or may not have been applied. */
export class ProxmoxConnectionLostError extends ProxmoxError {
  constructor(url: string, reason: string, call: ProxmoxCall, options?: ErrorOptions) {
    const write = call.method !== 'GET';
    super(
      'proxmox.connection-lost',
      `connection to ${url} was lost during ${describeCall(call)} (${reason})${write ? '; the change may or may not have been applied: check the current state and the task list before trying again' : ''}`,
      call,
      options,
    );
    this.name = 'ProxmoxConnectionLostError';
  }
}
