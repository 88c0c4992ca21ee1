import { Ollama } from 'ollama';
import { Agent, fetch as undiciFetch } from 'undici';
import { RemoteHostRefusedError } from './errors.js';
import { isLocalOllamaHost } from './ollama-host.js';

/** Where and how to reach Ollama: every connection to it is made through one of these. */
export interface OllamaEndpoint {
  /** As the user wrote it, for messages: `http://127.0.0.1:11434` or `unix:/path`. */
  readonly host: string;
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
}

export interface EndpointOptions {
  allowRemoteHost?: boolean;
  fetch?: typeof fetch;
}

/** The only way to an Ollama endpoint; refuses a host off this machine unless allowed. */
export function ollamaEndpoint(host: string, options: EndpointOptions = {}): OllamaEndpoint {
  // Safety: privacy (docs/architecture.md, "Safety rules"). Checked before any client exists, so a refused host is never contacted.
  if (!isLocalOllamaHost(host) && options.allowRemoteHost !== true) throw new RemoteHostRefusedError(host);
  if (host.startsWith('unix:')) {
    return {
      host,
      baseUrl: 'http://localhost:11434',
      fetch: withJsonErrors(unixSocketFetch(host.slice('unix:'.length))),
    };
  }
  return { host, baseUrl: host, fetch: withJsonErrors(options.fetch ?? globalThis.fetch) };
}

/** An ollama-js client on the endpoint whose requests also end when `signal` aborts. */
export function ollamaClient(endpoint: OllamaEndpoint, signal?: AbortSignal): Ollama {
  const base = endpoint.fetch;
  const bound: typeof fetch = signal
    ? (input, init) => base(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal })
    : base;
  return new Ollama({ host: endpoint.baseUrl, fetch: bound });
}

function unixSocketFetch(socketPath: string): typeof fetch {
  const dispatcher = new Agent({ connect: { socketPath } });
  return ((input: string | URL | Request, init?: RequestInit) =>
    undiciFetch(input as string, { ...(init as object), dispatcher })) as unknown as typeof fetch;
}

/**
 * ollama-js prints to stdout (console.log) when an error body is not the JSON it
 * expects, which would corrupt `--json` output. Every error body is therefore
 * turned into `{"error": "..."}` before ollama-js sees it.
 */
function withJsonErrors(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.ok) return response;
    const text = await response.text();
    const message = errorField(text) ?? (text.trim().split('\n')[0] || `HTTP ${response.status}`);
    return new Response(JSON.stringify({ error: message }), {
      status: response.status,
      headers: { 'content-type': 'application/json' },
    });
  };
}

function errorField(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
    return typeof error === 'string' ? error : undefined;
  } catch {
    return undefined;
  }
}
