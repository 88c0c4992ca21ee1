import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyTypeOf, sshFingerprint, verifyHostKey } from '../../src/ssh/host-key.js';
import { entryMatches, knownHostsName, parseKnownHosts } from '../../src/ssh/known-hosts.js';

/** An SSH public key blob of the given type with random key bytes. */
function blob(type: string): Buffer {
  const name = Buffer.from(type);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(name.length);
  return Buffer.concat([length, name, crypto.randomBytes(36)]);
}

const hostKey = blob('ssh-ed25519');
const line = (hosts: string, key: Buffer = hostKey, type = 'ssh-ed25519') =>
  `${hosts} ${type} ${key.toString('base64')}`;

describe('known_hosts', () => {
  it('names hosts as OpenSSH does: bare on port 22, [host]:port otherwise', () => {
    expect(knownHostsName('10.0.0.1', 22)).toBe('10.0.0.1');
    expect(knownHostsName('10.0.0.1', 2222)).toBe('[10.0.0.1]:2222');
  });

  it('skips comments, blank and malformed lines', () => {
    const entries = parseKnownHosts(`# comment\n\n${line('pve1')}\nnot-a-line\npve2 ssh-ed25519 ***\n`);
    expect(entries.map((entry) => entry.patterns)).toEqual([['pve1']]);
  });

  it('matches wildcards but not hosts excluded by a negated pattern', () => {
    const [entry] = parseKnownHosts(line('pve*,!pve9'));
    expect(entryMatches(entry!, 'pve1')).toBe(true);
    expect(entryMatches(entry!, 'pve9')).toBe(false);
    expect(entryMatches(entry!, 'backup1')).toBe(false);
  });

  it('matches a [host]:port pattern literally', () => {
    const [entry] = parseKnownHosts(line('[127.0.0.1]:2222'));
    expect(entryMatches(entry!, '[127.0.0.1]:2222')).toBe(true);
    expect(entryMatches(entry!, '[127.0.0.1]:2223')).toBe(false);
  });

  it('matches a hashed entry only for the host it was made for', () => {
    const salt = crypto.randomBytes(20);
    const hash = crypto.createHmac('sha1', salt).update('pve1').digest('base64');
    const [entry] = parseKnownHosts(line(`|1|${salt.toString('base64')}|${hash}`));
    expect(entryMatches(entry!, 'pve1')).toBe(true);
    expect(entryMatches(entry!, 'pve2')).toBe(false);
  });
});

describe('host key verification', () => {
  it('trusts the key listed for the host', () => {
    expect(verifyHostKey(parseKnownHosts(line('pve1')), 'pve1', 22, hostKey)).toEqual({ trusted: true });
  });

  it('calls a different key of the same type a change', () => {
    const verdict = verifyHostKey(parseKnownHosts(line('pve1', blob('ssh-ed25519'))), 'pve1', 22, hostKey);
    expect(verdict).toEqual({
      trusted: false,
      reason: 'changed',
      keyType: 'ssh-ed25519',
      fingerprint: sshFingerprint(hostKey),
    });
  });

  it('calls a host without entries, or with entries of other key types only, unknown', () => {
    expect(verifyHostKey([], 'pve1', 22, hostKey)).toMatchObject({ trusted: false, reason: 'unknown' });
    expect(verifyHostKey(parseKnownHosts(line('pve1', blob('ssh-rsa'), 'ssh-rsa')), 'pve1', 22, hostKey)).toMatchObject(
      { trusted: false, reason: 'unknown' },
    );
  });

  it('refuses a revoked key even when it is also listed as trusted', () => {
    const entries = parseKnownHosts(`${line('pve1')}\n@revoked ${line('*')}`);
    expect(verifyHostKey(entries, 'pve1', 22, hostKey)).toMatchObject({ trusted: false, reason: 'revoked' });
  });

  it('does not take a key trusted for another host or port', () => {
    expect(verifyHostKey(parseKnownHosts(line('pve2')), 'pve1', 22, hostKey)).toMatchObject({
      trusted: false,
      reason: 'unknown',
    });
    expect(verifyHostKey(parseKnownHosts(line('pve1')), 'pve1', 2222, hostKey)).toMatchObject({
      trusted: false,
      reason: 'unknown',
    });
  });

  it('reads the key type from the key blob', () => {
    expect(keyTypeOf(blob('ecdsa-sha2-nistp256'))).toBe('ecdsa-sha2-nistp256');
  });
});
