import type http from 'node:http';
import https from 'node:https';
import type { Simulation } from '../api/route.js';
import type { Router } from '../api/router.js';
import { ApiError } from './api-error.js';
import { dispatch } from './dispatch.js';
import { parseParams, readBody } from './request.js';
import { sendEmpty, sendJson } from './respond.js';

const apiPrefix = '/api2/json';

/** The HTTPS peer: TLS with the simulator's certificate, the `/api2/json` formatter, errors as pveproxy writes them. */
export function createApiServer(sim: Simulation, router: Router, tls: { key: string; cert: string }): https.Server {
  return https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    handle(sim, router, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(req, res, 500, 'internal error', { data: null, message: `${(error as Error).message}\n` });
      else res.destroy();
    });
  });
}

async function handle(
  sim: Simulation,
  router: Router,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://127.0.0.1');
  const method = req.method ?? 'GET';
  try {
    if (!url.pathname.startsWith(`${apiPrefix}/`)) throw new ApiError(501, 'no such uri');
    const body = await readBody(req);
    const raw = parseParams(method, req.headers['content-type'], body, url.searchParams);
    const result = dispatch(sim, router, req, method, url.pathname.slice(apiPrefix.length), raw);
    sendJson(req, res, 200, 'OK', result.body, result.gzip);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.bodyless) return sendEmpty(res, error.status, error.message);
    const body = { data: null, message: error.message, ...(error.errors ? { errors: error.errors } : {}) };
    sendJson(req, res, error.status, error.message, body);
  }
}
