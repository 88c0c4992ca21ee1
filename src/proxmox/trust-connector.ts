import type tls from 'node:tls';
import { buildConnector } from 'undici';
import { ProxmoxTlsChangedError, ProxmoxTlsUntrustedError } from './errors.js';
import { decideTrust, inspectPeer, type TrustMode } from './tls-trust.js';

export interface TrustTarget {
  profile: string;
  url: string;
  trust: TrustMode;
  connectTimeoutMs: number;
}

/**
 * An undici connector that completes the TLS handshake, then hands the socket
 * to undici only if decideTrust says so; otherwise it fails the connection
 * with a typed TLS error before a single byte of the request is written.
 */
export function trustingConnector(target: TrustTarget): buildConnector.connector {
  // Safety: rejectUnauthorized is off only so that we can see the certificate and name its
  // fingerprint; the decision below is stricter than Node's default, never looser.
  // No session cache: every connection is verified on a full handshake.
  const connect = buildConnector({
    rejectUnauthorized: false,
    maxCachedSessions: 0,
    timeout: target.connectTimeoutMs,
    ...(target.trust.kind === 'ca-file' ? { ca: target.trust.ca } : {}),
  });
  return (options, callback) => {
    connect(options, (error, socket) => {
      if (error || !socket) {
        callback(error ?? new Error('no socket'), null);
        return;
      }
      const decision = decideTrust(target.trust, inspectPeer(socket as tls.TLSSocket, options.hostname));
      if (decision.kind === 'trusted') {
        callback(null, socket);
        return;
      }
      socket.destroy();
      callback(
        decision.kind === 'changed'
          ? new ProxmoxTlsChangedError(target.profile, target.url, decision.fingerprint, decision.pinned)
          : new ProxmoxTlsUntrustedError(target.profile, target.url, decision.fingerprint, decision.reason),
        null,
      );
    });
  };
}
