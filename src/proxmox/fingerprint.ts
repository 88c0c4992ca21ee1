import crypto from 'node:crypto';

/** SHA-256 of a DER certificate as Proxmox and OpenSSL print it: `AA:BB:...`. */
export function sha256Fingerprint(der: Buffer): string {
  return crypto.createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}

export function sameFingerprint(a: string, b: string): boolean {
  const normalise = (value: string) => value.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return normalise(a) === normalise(b);
}
