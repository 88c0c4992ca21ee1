import type http from 'node:http';
import zlib from 'node:zlib';

const baseHeaders = {
  server: 'pve-api-daemon/3.0',
  'cache-control': 'max-age=0',
  pragma: 'no-cache',
  expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
};

/** The reason phrase is the message's first line, as pve-http-server sends it. */
export function reasonOf(message: string): string {
  return message.split('\n')[0]!.replace(/[^\t\x20-\x7e]/g, '?');
}

/**
 * Writes a JSON answer. Like pveproxy, bodies over 1 KiB are gzipped when the
 * client accepts it; `alwaysGzip` is for the journal, whose handler always streams gzip.
 */
export function sendJson(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  reason: string,
  body: unknown,
  alwaysGzip = false,
): void {
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  const gzip = alwaysGzip || (text.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')));
  const payload = gzip ? zlib.gzipSync(text, { level: 1 }) : text;
  res.writeHead(status, reasonOf(reason), {
    ...baseHeaders,
    'content-type': 'application/json;charset=UTF-8',
    'content-length': payload.length,
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(payload);
}

/** A status line without a body (401, 595), as pveproxy answers the json formatter's auth failures and proxy errors. */
export function sendEmpty(res: http.ServerResponse, status: number, reason: string): void {
  res.writeHead(status, reasonOf(reason), { ...baseHeaders, 'content-length': 0 });
  res.end();
}
