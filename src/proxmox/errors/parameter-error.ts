import { describeCall, ProxmoxError, type ProxmoxCall } from './proxmox-error.js';

/** 400: Proxmox rejected parameters; `errors` maps each parameter name to Proxmox's reason. */
export class ProxmoxParameterError extends ProxmoxError {
  readonly errors: Record<string, string>;

  constructor(errors: Record<string, string>, proxmoxMessage: string, call?: ProxmoxCall) {
    const named = Object.entries(errors).map(([name, reason]) => `${name}: ${reason}`);
    const detail = named.length > 0 ? named.join('; ') : proxmoxMessage;
    super('proxmox.parameter', `Proxmox rejected ${describeCall(call)}: ${detail}`, call);
    this.name = 'ProxmoxParameterError';
    this.errors = errors;
  }
}
