import fs from 'node:fs';
import tls from 'node:tls';
import { ConfigError } from '../shared/errors.js';
import { sameFingerprint, sha256Fingerprint } from './fingerprint.js';

/** How a profile says the API host's certificate is to be trusted. Exactly one mode applies. */
export type TrustMode =
  { kind: 'pinned'; fingerprint: string } | { kind: 'ca-file'; file: string; ca: Buffer } | { kind: 'system-ca' };

/** What the handshake showed about the server's certificate. */
export interface PeerCertificate {
  fingerprint: string;
  /** The chain verified against the CA set in use (the CA file, or the system store). */
  chainVerified: boolean;
  chainError: string | undefined;
  /** Why the certificate does not name the host we connected to, if it does not. */
  hostnameError: string | undefined;
}

export type TrustDecision =
  | { kind: 'trusted'; by: 'fingerprint' | 'ca-file' | 'system-ca'; fingerprint: string }
  | { kind: 'untrusted'; fingerprint: string; reason: string }
  | { kind: 'changed'; fingerprint: string; pinned: string };

/** A pinned fingerprint wins over a CA file, which wins over the system store. */
export function loadTrust(profile: { name: string; fingerprint?: string; caFile?: string }): TrustMode {
  if (profile.fingerprint) return { kind: 'pinned', fingerprint: profile.fingerprint };
  if (!profile.caFile) return { kind: 'system-ca' };
  try {
    return { kind: 'ca-file', file: profile.caFile, ca: fs.readFileSync(profile.caFile) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(
      `cannot read profiles.${profile.name}.caFile ${profile.caFile} (${reason}); copy /etc/pve/pve-root-ca.pem from a node there, or pin the fingerprint instead`,
      'config.ca-file',
    );
  }
}

/**
 * Safety: the single trust decision. Pinned mode compares the leaf's SHA-256
 * exactly and ignores chain and name (the pin is the trust). CA modes need a
 * verified chain AND a certificate that names the host.
 */
export function decideTrust(mode: TrustMode, peer: PeerCertificate): TrustDecision {
  const { fingerprint } = peer;
  if (mode.kind === 'pinned') {
    return sameFingerprint(mode.fingerprint, fingerprint)
      ? { kind: 'trusted', by: 'fingerprint', fingerprint }
      : { kind: 'changed', fingerprint, pinned: mode.fingerprint };
  }
  if (!peer.chainVerified) return { kind: 'untrusted', fingerprint, reason: peer.chainError ?? 'chain not verified' };
  if (peer.hostnameError) return { kind: 'untrusted', fingerprint, reason: peer.hostnameError };
  return { kind: 'trusted', by: mode.kind, fingerprint };
}

/** Reads the handshake's facts off a connected socket (opened with rejectUnauthorized: false). */
export function inspectPeer(socket: tls.TLSSocket, hostname: string): PeerCertificate {
  const certificate = socket.getPeerCertificate();
  if (!certificate.raw)
    return {
      fingerprint: '(none)',
      chainVerified: false,
      chainError: 'the server sent no certificate',
      hostnameError: undefined,
    };
  const hostError = tls.checkServerIdentity(bareHost(hostname), certificate);
  return {
    fingerprint: sha256Fingerprint(certificate.raw),
    chainVerified: socket.authorized,
    chainError: socket.authorizationError ? describeChainError(String(socket.authorizationError)) : undefined,
    hostnameError: hostError?.message,
  };
}

const chainErrors: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'signed by a CA that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'issuer not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'issuer not trusted',
  CERT_HAS_EXPIRED: 'certificate expired',
  CERT_NOT_YET_VALID: 'certificate not yet valid',
};

/** OpenSSL's verify codes in words, keeping the code for searching. */
export function describeChainError(code: string): string {
  const words = chainErrors[code];
  return words ? `${words}, ${code}` : code;
}

/** URL hostnames keep IPv6 brackets; certificates and SNI do not. */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1');
}

/** TLS forbids IP addresses as server names. */
export function serverNameFor(hostname: string): string | undefined {
  const host = bareHost(hostname);
  return /^[\d.]+$/.test(host) || host.includes(':') ? undefined : host;
}
