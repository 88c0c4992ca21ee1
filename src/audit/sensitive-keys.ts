/** The kinds of secret a redaction names: `[REDACTED:<kind>]`. */
export type RedactionKind =
  'token' | 'password' | 'secret' | 'private-key' | 'ticket' | 'cookie' | 'csrf' | 'authorization';

/**
 * Whether a key (an object key, a form field, a `key=value` in text) names a
 * secret, and which kind. Case, `-` and `_` are ignored, so `tokenSecret`,
 * `token_secret` and `TOKEN-SECRET` are the same key. `tokenId` is not secret.
 */
export function sensitiveKeyKind(key: string): RedactionKind | null {
  const k = key.toLowerCase().replace(/[-_\s]/g, '');
  if (k.includes('privatekey')) return 'private-key';
  if (['password', 'passwd', 'passphrase'].some((word) => k.includes(word)) || k === 'pass' || k === 'pwd')
    return 'password';
  if (k.includes('ticket')) return 'ticket';
  if (k.includes('cookie')) return 'cookie';
  if (k.includes('csrf')) return 'csrf';
  if (k.includes('authorization')) return 'authorization';
  if (k.includes('secret') || k.includes('encryptionkey')) return 'secret';
  if (k.endsWith('token') || k.endsWith('apikey')) return 'token';
  return null;
}

export function redactionMark(kind: RedactionKind): string {
  return `[REDACTED:${kind}]`;
}
