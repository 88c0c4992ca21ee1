import type { IncomingMessage } from 'node:http';
import type { Refusal } from './refusal.js';

const maxBodyBytes = 4 * 1024 * 1024;

export type BodyRead = { ok: true; value: unknown } | { ok: false; refusal: Refusal };

/** The JSON body of a POST, at most 4 MiB (read only after the request passed the guard). */
export async function readJsonBody(req: IncomingMessage): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes)
      return { ok: false, refusal: { status: 413, message: `request body larger than ${maxBodyBytes} bytes` } };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, refusal: { status: 400, code: -32700, message: 'Parse error: the request body is not JSON' } };
  }
}
