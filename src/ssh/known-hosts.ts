import crypto from 'node:crypto';

/** One line of an OpenSSH known_hosts file. */
export interface KnownHost {
  marker?: 'revoked' | 'cert-authority';
  patterns: string[];
  keyType: string;
  key: Buffer;
}

/** Parses known_hosts text; comments, blank and malformed lines are skipped, as OpenSSH does. */
export function parseKnownHosts(text: string): KnownHost[] {
  const entries: KnownHost[] = [];
  for (const raw of text.split('\n')) {
    const fields = raw.trim().split(/\s+/);
    if (fields.length === 0 || fields[0] === '' || fields[0]!.startsWith('#')) continue;
    let marker: KnownHost['marker'];
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority')
      marker = fields.shift()!.slice(1) as KnownHost['marker'];
    const [hosts, keyType, key] = fields;
    if (!hosts || !keyType || !key || !/^[A-Za-z0-9+/]+={0,2}$/.test(key)) continue;
    entries.push({
      ...(marker ? { marker } : {}),
      patterns: hosts.split(','),
      keyType,
      key: Buffer.from(key, 'base64'),
    });
  }
  return entries;
}

/** How OpenSSH names a host in known_hosts: `host` on port 22, else `[host]:port`. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** Whether an entry's host patterns name `name` (plain, wildcard, negated or hashed `|1|salt|hash`). */
export function entryMatches(entry: KnownHost, name: string): boolean {
  let matched = false;
  for (const pattern of entry.patterns) {
    if (pattern.startsWith('|1|')) {
      if (hashedMatches(pattern, name)) matched = true;
    } else if (pattern.startsWith('!')) {
      if (wildcardMatches(pattern.slice(1), name)) return false;
    } else if (wildcardMatches(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}

function hashedMatches(pattern: string, name: string): boolean {
  const [, , salt, hash] = pattern.split('|');
  if (!salt || !hash) return false;
  const digest = crypto.createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest();
  const expected = Buffer.from(hash, 'base64');
  return expected.length === digest.length && crypto.timingSafeEqual(expected, digest);
}

function wildcardMatches(pattern: string, name: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.')}$`,
    'i',
  );
  return regex.test(name);
}
