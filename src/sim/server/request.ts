import type http from 'node:http';
import { ApiError } from './api-error.js';

export type RawParams = Record<string, unknown>;

const maxBodyBytes = 1024 * 1024;

/** A request split the way pve-http-server splits it: method, API path below /api2/json, parameters. */
export interface ParsedRequest {
  method: string;
  /** Below `/api2/json`, e.g. `/nodes/pve1/qemu`; percent-escapes kept. */
  path: string;
  params: RawParams;
}

export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new ApiError(413, 'Request Entity Too Large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * POST/PUT bodies are JSON with `Content-Type: application/json`, form-encoded
 * otherwise; query parameters are merged on top (the query wins); a repeated
 * form key becomes an array; `_dc` is dropped.
 */
export function parseParams(
  method: string,
  contentType: string | undefined,
  body: Buffer,
  query: URLSearchParams,
): RawParams {
  if ((method === 'GET' || method === 'DELETE' || method === 'HEAD') && body.length > 0) {
    throw new ApiError(501, `Unexpected content for method '${method}'`);
  }
  const params: RawParams = {};
  if (body.length > 0) {
    if (/^application\/json\b/i.test(contentType ?? '')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        throw new ApiError(400, 'Parameter verification failed - unable to parse JSON body\n');
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new ApiError(400, 'Parameter verification failed - JSON body is not an object\n');
      }
      Object.assign(params, parsed);
    } else {
      addForm(params, new URLSearchParams(body.toString('utf8')));
    }
  }
  const fromQuery: RawParams = {};
  addForm(fromQuery, query);
  Object.assign(params, fromQuery);
  delete params._dc;
  return params;
}

function addForm(target: RawParams, form: URLSearchParams): void {
  for (const [key, value] of form) {
    const previous = target[key];
    if (previous === undefined) target[key] = value;
    else target[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
}
