import { Agent, fetch } from 'undici';
import type { ApiParams, HttpMethod } from '../api/requester.js';
import { ProxmoxAbortedError, ProxmoxConnectionLostError, ProxmoxTimeoutError } from '../errors.js';
import { trustingConnector, type TrustTarget } from '../trust-connector.js';
import { networkError } from './network-errors.js';
import { encodeParams } from './params.js';

/** One request as the transport sends it; `path` is below `/api2/json` and already encoded. */
export interface Exchange {
  method: HttpMethod;
  path: string;
  params?: ApiParams;
  headers: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs: number;
}

/** An HTTP answer before any Proxmox meaning is given to it. */
export interface RawAnswer {
  status: number;
  /** The status line's reason: Proxmox puts the 401 reason there, with an empty body. */
  statusText: string;
  contentType: string;
  body: string;
}

export interface Transport {
  readonly url: string;
  send(exchange: Exchange): Promise<RawAnswer>;
  close(): Promise<void>;
}

/** HTTPS to one API host through a dispatcher whose every connection passes the profile's trust check. */
export function createTransport(target: TrustTarget): Transport {
  const origin = new URL(target.url).origin;
  const dispatcher = new Agent({ connect: trustingConnector(target) });

  async function once(exchange: Exchange): Promise<RawAnswer> {
    const call = { method: exchange.method, path: exchange.path };
    if (exchange.signal?.aborted) throw new ProxmoxAbortedError(call);
    const timeout = AbortSignal.timeout(exchange.timeoutMs);
    const signal = exchange.signal ? AbortSignal.any([exchange.signal, timeout]) : timeout;
    const params = encodeParams(exchange.params);
    const hasBody = exchange.method === 'POST' || exchange.method === 'PUT';
    const query = !hasBody && params.size > 0 ? `?${params}` : '';
    try {
      const response = await fetch(`${origin}/api2/json${exchange.path}${query}`, {
        method: exchange.method,
        headers: {
          accept: 'application/json',
          ...(hasBody ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...exchange.headers,
        },
        // Proxmox answers 501 to a GET/DELETE that carries a body, so those never get one.
        ...(hasBody ? { body: params.toString() } : {}),
        signal,
        dispatcher,
        // Safety: never follow a redirect; credentials go to the configured host only.
        redirect: 'manual',
      });
      const body = await response.text();
      return {
        status: response.status,
        statusText: response.statusText,
        contentType: response.headers.get('content-type') ?? '',
        body,
      };
    } catch (error) {
      if (exchange.signal?.aborted) throw new ProxmoxAbortedError(call);
      if (timeout.aborted) throw new ProxmoxTimeoutError(target.url, exchange.timeoutMs, call);
      throw networkError(error, target.url, call);
    }
  }

  return {
    url: target.url,
    async send(exchange) {
      // Safety: a GET whose connection broke is repeated once; a write (POST/PUT/DELETE) never is,
      // because it may have been carried out before the connection broke.
      const attempts = exchange.method === 'GET' ? 2 : 1;
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await once(exchange);
        } catch (error) {
          if (!(error instanceof ProxmoxConnectionLostError) || attempt >= attempts) throw error;
        }
      }
    },
    close: () => dispatcher.close(),
  };
}
