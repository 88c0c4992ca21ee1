import { describeCall, ProxmoxError, type ProxmoxCall } from './proxmox-error.js';

/** 500: the handler failed; `proxmoxMessage` is Proxmox's own wording (`VM 100 not running`). */
export class ProxmoxServerError extends ProxmoxError {
  readonly proxmoxMessage: string;

  constructor(proxmoxMessage: string, call?: ProxmoxCall) {
    super('proxmox.server', `Proxmox failed ${describeCall(call)}: ${proxmoxMessage}`, call);
    this.name = 'ProxmoxServerError';
    this.proxmoxMessage = proxmoxMessage;
  }
}
