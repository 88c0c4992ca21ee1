import type { ResolvedProfile } from '../config/profile.js';
import { ConfigError } from '../shared/errors.js';
import type { ProxmoxApi } from '../core/ports/proxmox-api.js';
import { accessApi } from './api/access-api.js';
import { clusterApi } from './api/cluster-api.js';
import { guestApi } from './api/guest-api.js';
import { nodeApi } from './api/node-api.js';
import type { Requester } from './api/requester.js';
import { storageApi } from './api/storage-api.js';
import { taskApi } from './api/task-api.js';
import type { Authenticator } from './auth/authenticator.js';
import { ticketAuth } from './auth/ticket-auth.js';
import { tokenAuth } from './auth/token-auth.js';
import type { ProxmoxEventSink } from './events.js';
import { identityOf } from './http/answer.js';
import { createApiCaller } from './http/api-caller.js';
import { createTransport, type Transport } from './http/transport.js';
import { loadTrust } from './tls-trust.js';

export interface ProxmoxClientOptions {
  /** Clock for ticket age; milliseconds since the epoch. */
  now?: () => number;
  /** Default time limit of each call; default 30 s. */
  timeoutMs?: number;
  /** Time limit of connecting plus the TLS handshake; default 10 s. */
  connectTimeoutMs?: number;
  onEvent?: ProxmoxEventSink;
}

/**
 * The Proxmox VE API of one profile: the typed groups of the tools' port
 * (every answer validated by its schema), each call abortable and
 * time-limited, errors typed; plus what only the composition root needs.
 */
export interface ProxmoxClient extends Omit<ProxmoxApi, 'readRaw'> {
  readonly profile: string;
  readonly url: string;
  /** Who the client acts as: the token id, or USER@REALM. */
  readonly identity: string;
  readonly authKind: 'token' | 'password';
  /** The call pipeline the groups use; for an endpoint without a typed method, with the schema to check it. */
  readonly api: Requester;
  close(): Promise<void>;
}

export function createProxmoxClient(profile: ResolvedProfile, options: ProxmoxClientOptions = {}): ProxmoxClient {
  const now = options.now ?? Date.now;
  // Safety: messages name the origin only, so credentials written into the URL never reach a log.
  const url = new URL(profile.url).origin;
  const transport = createTransport({
    profile: profile.name,
    url,
    trust: loadTrust(profile),
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
  });
  const auth = authenticatorFor(profile, transport, now, options.onEvent);
  const api = createApiCaller({
    transport,
    auth,
    profile: profile.name,
    timeoutMs: options.timeoutMs ?? 30_000,
    now,
    onEvent: options.onEvent,
  });
  return {
    profile: profile.name,
    url,
    identity: identityOf(auth.credential),
    authKind: auth.credential.kind,
    cluster: clusterApi(api),
    nodes: nodeApi(api),
    guests: guestApi(api),
    storage: storageApi(api),
    tasks: taskApi(api),
    access: accessApi(api),
    api,
    close: () => transport.close(),
  };
}

/** An API token when the profile has one (preferred), else a password login. */
function authenticatorFor(
  profile: ResolvedProfile,
  transport: Transport,
  now: () => number,
  onEvent: ProxmoxEventSink | undefined,
): Authenticator {
  if (profile.tokenId && profile.tokenSecret) return tokenAuth(profile.tokenId, profile.tokenSecret);
  if (profile.username && profile.password) {
    return ticketAuth({
      transport,
      profile: profile.name,
      username: profile.username,
      password: profile.password,
      now,
      onEvent,
    });
  }
  const name = profile.name;
  throw new ConfigError(
    profile.tokenId
      ? `profile '${name}' has token ${profile.tokenId} but no secret; run 'proxmox-ai config set profiles.${name}.tokenSecret SECRET' (or set PROXMOX_AI_TOKEN_SECRET)`
      : `profile '${name}' has no credentials; run 'proxmox-ai config set profiles.${name}.tokenId USER@REALM!ID' and 'proxmox-ai config set profiles.${name}.tokenSecret SECRET'`,
    'config.no-credentials',
  );
}
