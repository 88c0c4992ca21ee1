import tls from 'node:tls';
import { bareHost, decideTrust, inspectPeer, serverNameFor, type TrustDecision, type TrustMode } from './tls-trust.js';

export type TlsProbeResult = TrustDecision | { kind: 'unreachable'; reason: string };

/**
 * Opens a TLS connection to the API host and reports whether its certificate
 * is trusted the way the profile says; nothing is sent on the socket.
 */
export function probeTls(url: string, trust: TrustMode, timeoutMs = 5000): Promise<TlsProbeResult> {
  const { hostname, port } = new URL(url);
  const target = `${hostname}:${port || 8006}`;
  return new Promise((resolve) => {
    // Safety: verification is decideTrust's, below, for every mode; nothing is written to this socket.
    const socket = tls.connect({
      host: bareHost(hostname),
      port: Number(port || 8006),
      servername: serverNameFor(hostname),
      rejectUnauthorized: false,
      ...(trust.kind === 'ca-file' ? { ca: trust.ca } : {}),
    });
    const finish = (result: TlsProbeResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () =>
      finish({ kind: 'unreachable', reason: `no answer from ${target} within ${timeoutMs} ms` }),
    );
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish({ kind: 'unreachable', reason: `${error.code ?? 'error'} ${error.message}` }),
    );
    socket.once('secureConnect', () => finish(decideTrust(trust, inspectPeer(socket, hostname))));
  });
}
