import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCertificate } from './certs.js';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** What the peer does with request number `index` (0-based): answer it, or break the connection. */
export type PeerBehaviour = (request: SeenRequest, index: number, response: ServerResponse) => void;

export interface HttpsPeer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** A small HTTPS server on 127.0.0.1 for transport faults the simulator does not make: resets, silence. */
export async function startHttpsPeer(certificate: TestCertificate, behaviour: PeerBehaviour): Promise<HttpsPeer> {
  const requests: SeenRequest[] = [];
  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const seen = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body };
      requests.push(seen);
      behaviour(seen, requests.length - 1, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function answerJson(response: ServerResponse, status: number, body: unknown, reason?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, reason ?? '', {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Drops the connection without an answer, as a crashing proxy or a network fault would. */
export function dropConnection(response: ServerResponse): void {
  response.socket?.destroy();
}
