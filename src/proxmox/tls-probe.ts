import fs from 'node:fs';
import tls from 'node:tls';
import { sameFingerprint, sha256Fingerprint } from './fingerprint.js';

/** How a profile says its server certificate is to be trusted. */
export interface TlsTrust {
  fingerprint?: string;
  caFile?: string;
}

export type TlsProbeResult =
  | { kind: 'trusted'; by: 'fingerprint' | 'ca-file' | 'system-ca'; fingerprint: string }
  | { kind: 'untrusted'; fingerprint: string; reason: string }
  | { kind: 'changed'; fingerprint: string; pinned: string }
  | { kind: 'unreachable'; reason: string };

/**
 * Opens a TLS connection to the API host and reports whether its certificate
 * is trusted the way the profile says: pinned fingerprint, CA file or system CA.
 */
export function probeTls(url: string, trust: TlsTrust, timeoutMs = 5000): Promise<TlsProbeResult> {
  const { hostname, port } = new URL(url);
  const ca = trust.caFile ? fs.readFileSync(trust.caFile) : undefined;
  return new Promise((resolve) => {
    // Safety: verification is done below, by us, for every path; nothing is sent on this socket.
    const socket = tls.connect({ host: hostname, port: Number(port || 8006), servername: sni(hostname), rejectUnauthorized: false, ...(ca ? { ca } : {}) });
    const finish = (result: TlsProbeResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish({ kind: 'unreachable', reason: `no answer from ${hostname}:${port || 8006} within ${timeoutMs} ms` }));
    socket.once('error', (error: NodeJS.ErrnoException) => finish({ kind: 'unreachable', reason: `${error.code ?? 'error'} ${error.message}` }));
    socket.once('secureConnect', () => {
      const fingerprint = sha256Fingerprint(socket.getPeerCertificate().raw);
      if (trust.fingerprint) {
        finish(sameFingerprint(trust.fingerprint, fingerprint) ? { kind: 'trusted', by: 'fingerprint', fingerprint } : { kind: 'changed', fingerprint, pinned: trust.fingerprint });
        return;
      }
      const hostError = tls.checkServerIdentity(hostname, socket.getPeerCertificate());
      if (socket.authorized && !hostError) finish({ kind: 'trusted', by: ca ? 'ca-file' : 'system-ca', fingerprint });
      else finish({ kind: 'untrusted', fingerprint, reason: String(socket.authorizationError ?? hostError?.message) });
    });
  });
}

function sni(hostname: string): string | undefined {
  // TLS forbids IP addresses as server names.
  return /^[\d.]+$|:/.test(hostname) ? undefined : hostname;
}
