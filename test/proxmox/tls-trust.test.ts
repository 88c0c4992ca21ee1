import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/shared/errors.js';
import { ExitCode } from '../../src/shared/exit-codes.js';
import {
  decideTrust,
  describeChainError,
  loadTrust,
  serverNameFor,
  type PeerCertificate,
} from '../../src/proxmox/tls-trust.js';
import { thrownBy } from './support/thrown.js';

const fingerprint = 'E8:65:36:3E:51:BD:08:00:37:3D:2C:2A:F1:86:96:91:79:C5:F7:79:98:DC:3D:1C:96:48:E4:84:E9:C4:DC:18';
const other = 'AA:65:36:3E:51:BD:08:00:37:3D:2C:2A:F1:86:96:91:79:C5:F7:79:98:DC:3D:1C:96:48:E4:84:E9:C4:DC:18';
const selfSigned: PeerCertificate = {
  fingerprint,
  chainVerified: false,
  chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  hostnameError: undefined,
};
const caSigned: PeerCertificate = { fingerprint, chainVerified: true, chainError: undefined, hostnameError: undefined };

describe('decideTrust', () => {
  it('trusts a pinned fingerprint without looking at chain or host name', () => {
    const peer = { ...selfSigned, hostnameError: "Host: 127.0.0.1. is not in the cert's altnames" };
    expect(decideTrust({ kind: 'pinned', fingerprint }, peer)).toEqual({
      kind: 'trusted',
      by: 'fingerprint',
      fingerprint,
    });
  });

  it('compares fingerprints regardless of case and separators', () => {
    expect(
      decideTrust({ kind: 'pinned', fingerprint: fingerprint.toLowerCase().replaceAll(':', '') }, selfSigned).kind,
    ).toBe('trusted');
  });

  it('reports a changed certificate with both fingerprints, even when a CA would vouch for it', () => {
    expect(decideTrust({ kind: 'pinned', fingerprint: other }, caSigned)).toEqual({
      kind: 'changed',
      fingerprint,
      pinned: other,
    });
  });

  it('refuses a certificate whose chain does not verify in CA mode', () => {
    expect(decideTrust({ kind: 'system-ca' }, selfSigned)).toEqual({
      kind: 'untrusted',
      fingerprint,
      reason: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
  });

  it('refuses a CA-signed certificate that does not name the host', () => {
    const peer = { ...caSigned, hostnameError: "Hostname/IP does not match certificate's altnames" };
    expect(decideTrust({ kind: 'ca-file', file: 'ca.pem', ca: Buffer.from('') }, peer).kind).toBe('untrusted');
  });

  it('says which CA vouched', () => {
    expect(decideTrust({ kind: 'ca-file', file: 'ca.pem', ca: Buffer.from('') }, caSigned)).toEqual({
      kind: 'trusted',
      by: 'ca-file',
      fingerprint,
    });
    expect(decideTrust({ kind: 'system-ca' }, caSigned)).toEqual({ kind: 'trusted', by: 'system-ca', fingerprint });
  });
});

describe('loadTrust', () => {
  it('prefers the pinned fingerprint over a CA file', () => {
    expect(loadTrust({ name: 'home', fingerprint, caFile: '/nonexistent.pem' })).toEqual({
      kind: 'pinned',
      fingerprint,
    });
  });

  it('reads the CA file', () => {
    const file = `${fs.mkdtempSync('/tmp/proxmox-ai-trust-')}/ca.pem`;
    fs.writeFileSync(file, 'PEM');
    expect(loadTrust({ name: 'home', caFile: file })).toEqual({ kind: 'ca-file', file, ca: Buffer.from('PEM') });
  });

  it('falls back to the system CA store', () => {
    expect(loadTrust({ name: 'home' })).toEqual({ kind: 'system-ca' });
  });

  it('fails as a config error naming the key when the CA file cannot be read', () => {
    const error = thrownBy(() => loadTrust({ name: 'home', caFile: '/nonexistent/pve-root-ca.pem' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/profiles\.home\.caFile \/nonexistent\/pve-root-ca\.pem \(ENOENT\)/);
    expect((error as ConfigError).exitCode).toBe(ExitCode.usage);
  });
});

describe('serverNameFor', () => {
  it('sends SNI for names but never for IP addresses', () => {
    expect(serverNameFor('pve1.example.net')).toBe('pve1.example.net');
    expect(serverNameFor('192.168.1.11')).toBeUndefined();
    expect(serverNameFor('[fe80::1]')).toBeUndefined();
  });
});

describe('describeChainError', () => {
  it("puts OpenSSL's verify code in words and keeps the code", () => {
    expect(describeChainError('DEPTH_ZERO_SELF_SIGNED_CERT')).toBe(
      'self-signed certificate, DEPTH_ZERO_SELF_SIGNED_CERT',
    );
    expect(describeChainError('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});
