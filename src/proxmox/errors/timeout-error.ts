import { describeCall, ProxmoxError, type ProxmoxCall } from './proxmox-error.js';

/** No complete answer within the call's time limit. */
export class ProxmoxTimeoutError extends ProxmoxError {
  readonly timeoutMs: number;

  constructor(url: string, timeoutMs: number, call?: ProxmoxCall) {
    const write = call !== undefined && call.method !== 'GET';
    super(
      'proxmox.timeout',
      `no answer from ${url} within ${timeoutMs} ms for ${describeCall(call)}${write ? '; the change may still be applied: check the task list' : ''}`,
      call,
    );
    this.name = 'ProxmoxTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}
