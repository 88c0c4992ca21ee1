import { describeCall, ProxmoxError, type ProxmoxCall } from './proxmox-error.js';

/** The caller aborted the call (Ctrl-C, a cancelled turn). */
export class ProxmoxAbortedError extends ProxmoxError {
  constructor(call?: ProxmoxCall) {
    super('proxmox.aborted', `${describeCall(call)} was aborted`, call);
    this.name = 'ProxmoxAbortedError';
  }
}
