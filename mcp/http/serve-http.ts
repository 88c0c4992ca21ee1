import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { McpListenError } from '../errors/mcp-listen-error.js';
import type { McpConnection } from '../server.js';
import type { ListenSettings } from './listen-settings.js';
import { readJsonBody } from './read-body.js';
import { refuse } from './refusal.js';
import { checkRequest, type GuardSettings } from './request-guard.js';

export interface HttpServeOptions {
  listen: ListenSettings;
  guard: GuardSettings;
  /** A new connection (MCP server + tool session) for each session a client starts; `person` owns its token. */
  connect(person: string): McpConnection;
  newSessionId?: () => string;
}

export interface HttpServing {
  /** `http://127.0.0.1:PORT/mcp` (https with TLS). */
  url: string;
  /** Ends every session (each records its session end), then stops listening. */
  close(summary: string): Promise<void>;
}

interface LiveSession {
  transport: StreamableHTTPServerTransport;
  connection: McpConnection;
  /** Whose token opened the session; only that person's token may use it. */
  person: string;
}

/**
 * Streamable HTTP with stateful sessions (elicitation needs them): one
 * McpServer and one tool session per `Mcp-Session-Id`, isolated from the others.
 */
export async function serveHttp(options: HttpServeOptions): Promise<HttpServing> {
  const sessions = new Map<string, LiveSession>();
  const endings = new Set<Promise<void>>();
  let closing: string | undefined;

  const startSession = async (req: http.IncomingMessage, res: http.ServerResponse, body: unknown, person: string) => {
    const connection = options.connect(person);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: options.newSessionId ?? randomUUID,
      onsessioninitialized: (id) => void sessions.set(id, { transport, connection, person }),
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
      const ending = connection.end(closing ?? 'the client ended the MCP session').catch(() => undefined);
      endings.add(ending);
      void ending.finally(() => endings.delete(ending));
    };
    await connection.server.connect(transport);
    await transport.handleRequest(req, res, body);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/mcp')
      return refuse(res, { status: 404, message: 'not found: the MCP endpoint is /mcp' });
    const checked = checkRequest(req.headers, options.guard);
    if ('refusal' in checked) return refuse(res, checked.refusal);
    let body: unknown;
    if (req.method === 'POST') {
      const read = await readJsonBody(req);
      if (!read.ok) return refuse(res, read.refusal);
      body = read.value;
    }
    const id = req.headers['mcp-session-id'];
    if (id === undefined) {
      if (req.method === 'POST' && isInitializeRequest(body)) return startSession(req, res, body, checked.person);
      return refuse(res, {
        status: 400,
        message: 'no Mcp-Session-Id header: start a session with an initialize request',
      });
    }
    const live = typeof id === 'string' ? sessions.get(id) : undefined;
    if (!live)
      return refuse(res, {
        status: 404,
        code: -32001,
        message: 'session not found: it ended or never existed; start a new one with initialize',
      });
    // Safety: a session id is not a credential; each request is judged by its own token, and it must be the owner's.
    if (live.person !== checked.person)
      return refuse(res, {
        status: 403,
        message: `this session belongs to another token's person, not ${checked.person}; start your own session with initialize`,
      });
    await live.transport.handleRequest(req, res, body);
  };

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        refuse(res, {
          status: 500,
          code: -32603,
          message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
        });
      else res.end();
    });
  };
  const { listen } = options;
  const server = listen.tls
    ? https.createServer({ cert: listen.tls.cert, key: listen.tls.key }, listener)
    : http.createServer(listener);
  const port = await listenOn(server, listen);
  return {
    url: `${listen.tls ? 'https' : 'http'}://${listen.host.includes(':') && !listen.host.startsWith('[') ? `[${listen.host}]` : listen.host}:${port}/mcp`,
    async close(summary) {
      closing = summary;
      await Promise.all([...sessions.values()].map((live) => live.transport.close()));
      await Promise.all([...endings]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function listenOn(server: http.Server, { host, port }: ListenSettings): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new McpListenError(`${host}:${port}`, error)));
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
