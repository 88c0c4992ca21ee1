import { ConfigError } from '../../shared/errors.js';

/** Privacy (docs/architecture.md, "Safety rules"): the Ollama host is not this machine and the user did not allow that. */
export class RemoteHostRefusedError extends ConfigError {
  readonly host: string;

  constructor(host: string) {
    super(
      `Ollama host ${host} is not on this machine; refused for privacy: use a local Ollama, or proxmox-ai config set ai.allowRemoteHost true`,
      'llm.remote-host-refused',
    );
    this.name = 'RemoteHostRefusedError';
    this.host = host;
  }
}
