import crypto from 'node:crypto';
import { AppError } from '../shared/errors.js';
import { ExitCode } from '../shared/exit-codes.js';
import { entryMatches, knownHostsName, type KnownHost } from './known-hosts.js';

export type HostKeyVerdict =
  | { trusted: true }
  | { trusted: false; reason: 'unknown' | 'changed' | 'revoked'; keyType: string; fingerprint: string };

/** `SHA256:...` as `ssh-keygen -l` prints it. */
export function sshFingerprint(key: Buffer): string {
  return `SHA256:${crypto.createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named at the start of an SSH public key blob (`ssh-ed25519`, ...). */
export function keyTypeOf(key: Buffer): string {
  if (key.length < 4) return 'unknown';
  const length = key.readUInt32BE(0);
  return key.subarray(4, 4 + length).toString('latin1');
}

/**
 * Compares the key a host presented with known_hosts, as OpenSSH's
 * StrictHostKeyChecking=yes does: a listed key is trusted; a revoked key,
 * a different key of the same type (changed) or no entry (unknown) is not.
 */
export function verifyHostKey(entries: readonly KnownHost[], host: string, port: number, key: Buffer): HostKeyVerdict {
  const name = knownHostsName(host, port);
  const keyType = keyTypeOf(key);
  const fingerprint = sshFingerprint(key);
  if (entries.some((entry) => entry.marker === 'revoked' && entry.key.equals(key)))
    return { trusted: false, reason: 'revoked', keyType, fingerprint };
  const mine = entries.filter((entry) => entry.marker === undefined && entryMatches(entry, name));
  if (mine.some((entry) => entry.key.equals(key))) return { trusted: true };
  return {
    trusted: false,
    reason: mine.some((entry) => entry.keyType === keyType) ? 'changed' : 'unknown',
    keyType,
    fingerprint,
  };
}

/** The node's SSH host key is not trusted; the message shows the fingerprint and how to trust it. */
export class HostKeyRejected extends AppError {
  constructor(
    node: string,
    host: string,
    port: number,
    verdict: Exclude<HostKeyVerdict, { trusted: true }>,
    knownHostsFile: string,
  ) {
    const where = `node ${node} (${knownHostsName(host, port)})`;
    const presented = `${verdict.keyType} ${verdict.fingerprint}`;
    const shortType = verdict.keyType.replace(/^ssh-|-sha2-nistp\d+$/g, '');
    const scan = `ssh-keyscan${port === 22 ? '' : ` -p ${port}`} -t ${shortType} ${host} >> ${knownHostsFile}`;
    const messages = {
      unknown: `host key of ${where} is not trusted: ${presented} is not in ${knownHostsFile}; compare it with 'ssh-keygen -lf /etc/ssh/ssh_host_${shortType}_key.pub' on the node, then trust it with '${scan}'`,
      changed: `HOST KEY CHANGED for ${where}: it now presents ${presented}, not the key in ${knownHostsFile}; refused (this can be a man-in-the-middle); if the node was reinstalled, remove the old key with 'ssh-keygen -R "${knownHostsName(host, port)}" -f ${knownHostsFile}' and trust the new one`,
      revoked: `host key of ${where} (${presented}) is marked @revoked in ${knownHostsFile}; refused`,
    };
    super(`ssh.host-key-${verdict.reason}`, messages[verdict.reason], ExitCode.runtime);
    this.name = 'HostKeyRejected';
  }
}
