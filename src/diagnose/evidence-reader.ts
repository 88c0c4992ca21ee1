import type { ProxmoxApi, RawParams } from '../core/ports/proxmox-api.js';

export type ReadOutcome<T> = { ok: true; data: T } | { ok: false; message: string };

/**
 * Reads for a diagnosis: each GET once (a find_problems run shares node-level
 * reads between guests), every read listed for the audit trail, and a failed
 * read kept as evidence instead of ending the diagnosis.
 */
export class EvidenceReader {
  readonly reads: string[] = [];
  private readonly cache = new Map<string, Promise<ReadOutcome<unknown>>>();

  constructor(
    private readonly api: Pick<ProxmoxApi, 'identity' | 'readRaw'>,
    private readonly signal: AbortSignal,
  ) {}

  get identity(): string {
    return this.api.identity;
  }

  read<T>(path: string, params: RawParams = {}): Promise<ReadOutcome<T>> {
    const key = readKey(path, params);
    let pending = this.cache.get(key);
    if (!pending) {
      this.reads.push(key);
      pending = this.api.readRaw(path, params, { signal: this.signal }).then(
        (data): ReadOutcome<unknown> => ({ ok: true, data }),
        (error: unknown): ReadOutcome<unknown> => {
          if (this.signal.aborted) throw error;
          return { ok: false, message: proxmoxWording(error) };
        },
      );
      this.cache.set(key, pending);
    }
    return pending as Promise<ReadOutcome<T>>;
  }
}

function readKey(path: string, params: RawParams): string {
  const query = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('&');
  return `GET ${path}${query ? `?${query}` : ''}`;
}

/**
 * Proxmox's own words for a failed read, so signatures can match them. The
 * client's errors carry them (`proxmoxMessage`, the parsed 403, the 595/596
 * reason); this reads those fields without depending on the client.
 */
export function proxmoxWording(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const fields = error as {
      proxmoxMessage?: unknown;
      missing?: { aclPath?: unknown; privileges?: unknown };
      target?: { kind?: unknown; status?: unknown; reason?: unknown };
    };
    if (typeof fields.proxmoxMessage === 'string') return fields.proxmoxMessage;
    const missing = fields.missing;
    if (missing && typeof missing.aclPath === 'string' && Array.isArray(missing.privileges)) {
      return `Permission check failed (${missing.aclPath}, ${missing.privileges.join('|')})`;
    }
    const target = fields.target;
    if (target?.kind === 'node' && typeof target.status === 'number')
      return `${target.status} ${String(target.reason ?? '')}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}
