import type { ServerResponse } from 'node:http';

/** A request turned away before it reaches an MCP session. */
export interface Refusal {
  status: 400 | 401 | 403 | 404 | 413 | 500;
  message: string;
  headers?: Record<string, string>;
  /** JSON-RPC error code; default -32000 (a transport-level refusal). */
  code?: number;
}

/** Sends the refusal with a JSON-RPC error body, as Streamable HTTP clients expect. */
export function refuse(res: ServerResponse, refusal: Refusal): void {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    error: { code: refusal.code ?? -32000, message: refusal.message },
    id: null,
  });
  res.writeHead(refusal.status, { 'content-type': 'application/json', ...refusal.headers }).end(body);
}
