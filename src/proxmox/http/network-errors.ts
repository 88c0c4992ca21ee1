import { type ProxmoxCall, ProxmoxConnectionLostError, ProxmoxError, ProxmoxUnreachableError } from '../errors.js';

// The connection was up and then broke: the request may have been received.
const lostCodes = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** Turns what undici's fetch threw (a TypeError whose cause chain holds the reason) into a typed error. */
export function networkError(error: unknown, url: string, call: ProxmoxCall): ProxmoxError {
  const chain = causes(error);
  const ours = chain.find((item): item is ProxmoxError => item instanceof ProxmoxError);
  if (ours) return ours;
  const coded = chain.find((item) => typeof (item as NodeJS.ErrnoException).code === 'string') as
    NodeJS.ErrnoException | undefined;
  const code = coded?.code ?? 'network error';
  const reason = coded ? `${code}: ${coded.message}` : ((chain.at(-1) as Error | undefined)?.message ?? String(error));
  if (lostCodes.has(code)) return new ProxmoxConnectionLostError(url, reason, call, { cause: error });
  return new ProxmoxUnreachableError({ kind: 'host', url, reason }, call, { cause: error });
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (
    let current = error;
    current !== undefined && chain.length < 8;
    current = (current as { cause?: unknown }).cause
  ) {
    chain.push(current);
    if (typeof current !== 'object' || current === null) break;
  }
  return chain;
}
