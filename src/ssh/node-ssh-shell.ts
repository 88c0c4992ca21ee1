import fs from 'node:fs';
import { NodeSSH } from 'node-ssh';
import { AppError } from '../shared/errors.js';
import type { NodeCommand, NodeCommandResult, NodeShell } from '../core/ports/ssh.js';
import { HostKeyRejected, verifyHostKey, type HostKeyVerdict } from './host-key.js';
import { parseKnownHosts } from './known-hosts.js';
import { checkNodeName, renderNodeCommand } from './node-commands.js';

export interface NodeShellOptions {
  user: string;
  port: number;
  /** A private key file; else the SSH agent at agentSocket. Never a password. */
  privateKeyFile?: string;
  agentSocket?: string;
  knownHostsFile: string;
  /** The node's address, from the cluster (egress goes to cluster nodes only). */
  resolveAddress(node: string, signal: AbortSignal): Promise<string>;
  readyTimeoutMs?: number;
}

/** The node could not be reached or logged in to; the message names node, address and user. */
export class NodeConnectError extends AppError {
  constructor(message: string) {
    super('ssh.connect', message);
    this.name = 'NodeConnectError';
  }
}

/** NodeShell over node-ssh: refuses bad commands before connecting, checks the host key against known_hosts. */
export class NodeSshShell implements NodeShell {
  constructor(private readonly options: NodeShellOptions) {}

  async run(node: string, command: NodeCommand, { signal }: { signal: AbortSignal }): Promise<NodeCommandResult> {
    checkNodeName(node);
    const line = renderNodeCommand(command);
    const address = await this.options.resolveAddress(node, signal);
    const { port, user } = this.options;
    const known = parseKnownHosts(readIfPresent(this.options.knownHostsFile));
    let rejected: Exclude<HostKeyVerdict, { trusted: true }> | undefined;
    const ssh = new NodeSSH();
    const stop = () => ssh.dispose();
    signal.addEventListener('abort', stop, { once: true });
    try {
      try {
        await ssh.connect({
          host: address,
          port,
          username: user,
          ...(this.options.privateKeyFile
            ? { privateKeyPath: this.options.privateKeyFile }
            : { agent: this.options.agentSocket }),
          tryKeyboard: false,
          readyTimeout: this.options.readyTimeoutMs ?? 10_000,
          // Safety: the presented key must be in known_hosts; unknown, changed and revoked keys end the handshake.
          hostVerifier: (key: Buffer) => {
            const verdict = verifyHostKey(known, address, port, key);
            if (!verdict.trusted) rejected = verdict;
            return verdict.trusted;
          },
        });
      } catch (error) {
        if (rejected) throw new HostKeyRejected(node, address, port, rejected, this.options.knownHostsFile);
        if (signal.aborted) throw new NodeConnectError(`connecting to node ${node} was cancelled`);
        throw new NodeConnectError(
          `could not connect to node ${node} (${address}:${port}) as ${user}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const result = await ssh.execCommand(line, { noTrim: true });
      return { command: line, stdout: result.stdout, stderr: result.stderr, exitCode: result.code };
    } finally {
      signal.removeEventListener('abort', stop);
      ssh.dispose();
    }
  }
}

function readIfPresent(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
