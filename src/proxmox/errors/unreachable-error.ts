import { describeCall, ProxmoxError, type ProxmoxCall } from './proxmox-error.js';

export type Unreachable =
  | { kind: 'host'; url: string; reason: string }
  | { kind: 'node'; node: string | undefined; status: number; reason: string };

/** The API host cannot be reached, or it cannot reach the node a call is routed to (595/596). */
export class ProxmoxUnreachableError extends ProxmoxError {
  readonly target: Unreachable;

  constructor(target: Unreachable, call?: ProxmoxCall, options?: ErrorOptions) {
    super('proxmox.unreachable', sentence(target, call), call, options);
    this.name = 'ProxmoxUnreachableError';
    this.target = target;
  }
}

function sentence(target: Unreachable, call?: ProxmoxCall): string {
  if (target.kind === 'host') {
    return `cannot reach ${target.url} (${target.reason}) for ${describeCall(call)}; check the profile's url, the port (8006) and that pveproxy runs`;
  }
  const node = target.node ? `node ${target.node}` : 'the node';
  return `${node} is unreachable from the API host (${target.status} ${target.reason}) for ${describeCall(call)}; check that the node is up and in the cluster`;
}
