import { describeCall, ProxmoxError, type ProxmoxCall } from './proxmox-error.js';

/** 501: no handler for this method and path (an older Proxmox VE, or a wrong path). */
export class ProxmoxNotImplementedError extends ProxmoxError {
  constructor(proxmoxMessage: string, call?: ProxmoxCall) {
    super(
      'proxmox.not-implemented',
      `Proxmox does not implement ${describeCall(call)} (${proxmoxMessage}); it may be older than Proxmox VE 8`,
      call,
    );
    this.name = 'ProxmoxNotImplementedError';
  }
}
