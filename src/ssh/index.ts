import os from 'node:os';
import path from 'node:path';
import type { ProfileConfig } from '../config/schema.js';
import type { ProxmoxApi } from '../core/ports/proxmox-api.js';
import type { NodeShell } from '../core/ports/ssh.js';
import { NodeConnectError, NodeSshShell } from './node-ssh-shell.js';

export { HostKeyRejected } from './host-key.js';
export { NodeCommandRefused } from './node-commands.js';
export { NodeConnectError } from './node-ssh-shell.js';

export interface SshAdapterOptions {
  /** The session's profile; its `ssh` settings say who logs in and with which key. */
  profile: Pick<ProfileConfig, 'ssh'>;
  /** Default: OpenSSH's own, ~/.ssh/known_hosts. */
  knownHostsFile?: string;
  /** Maps a node name to the address to connect to; see clusterNodeAddress. */
  resolveAddress(node: string, signal: AbortSignal): Promise<string>;
  env?: NodeJS.ProcessEnv;
}

/**
 * The SSH port of one session, or undefined when the profile has no SSH user
 * or neither a key file nor an agent is there (read_node_log then says what to set).
 */
export function createSshAdapter(options: SshAdapterOptions): NodeShell | undefined {
  const ssh = options.profile.ssh ?? {};
  const env = options.env ?? process.env;
  const agentSocket = env.SSH_AUTH_SOCK;
  if (!ssh.user || (!ssh.keyFile && !agentSocket)) return undefined;
  return new NodeSshShell({
    user: ssh.user,
    port: ssh.port ?? 22,
    ...(ssh.keyFile ? { privateKeyFile: path.resolve(ssh.keyFile) } : {}),
    ...(agentSocket ? { agentSocket } : {}),
    knownHostsFile: options.knownHostsFile ?? path.join(os.homedir(), '.ssh', 'known_hosts'),
    resolveAddress: options.resolveAddress,
  });
}

/**
 * A node's address as the cluster itself reports it (GET /cluster/status).
 * Safety: SSH only ever goes to addresses of the cluster's own nodes (docs/architecture.md, "Safety rules").
 */
export function clusterNodeAddress(api: ProxmoxApi): (node: string, signal: AbortSignal) => Promise<string> {
  return async (node, signal) => {
    const status = await api.cluster.status({ signal });
    const entry = status.find((item) => item.type === 'node' && item.name === node);
    if (!entry) throw new NodeConnectError(`node '${node}' is not in this cluster; list_nodes shows the names`);
    if (!entry.ip) throw new NodeConnectError(`the cluster reports no address for node ${node}`);
    return entry.ip;
  };
}
