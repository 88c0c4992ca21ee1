import { redactionMark, sensitiveKeyKind } from './sensitive-keys.js';

/** One text rule: every match of `pattern` (global) is rewritten by `replace`. */
interface TextRule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const tokenId = /^[\w.-]+@[\w.-]+![\w.-]+$/;
const uuid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const notYetRedacted = '(?!\\[REDACTED:)';

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The patterns of Proxmox credentials as they show up in arguments, error
 * messages, logs and HTTP traces (reference/pve-api.md §2). Order matters:
 * whole blocks and header lines go first, so later rules never see half of
 * a secret.
 */
export const textRules: readonly TextRule[] = [
  {
    // PEM and OpenSSH private keys, also when cut short before the END line.
    pattern:
      /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    replace: () => redactionMark('private-key'),
  },
  {
    // HTTP header lines: the whole value up to the end of the line.
    pattern: /\b((?:proxy-)?authorization|(?:set-)?cookie)([ \t]*:[ \t]*)(?!\[REDACTED:)([^\r\n]+)/gi,
    replace: (_match, name = '', separator = '') =>
      `${name}${separator}${redactionMark(name.toLowerCase().includes('cookie') ? 'cookie' : 'authorization')}`,
  },
  {
    // `PVEAPIToken=USER@REALM!ID=SECRET` (also with a space or URL-encoded): keep the token id, drop the secret.
    pattern: new RegExp(`(PVEAPIToken(?:[ \\t]*=[ \\t]*|[ \\t]+|%3D))${notYetRedacted}([^\\s"',;&]+)`, 'gi'),
    replace: (_match, prefix = '', value = '') => {
      const split = /^(.+)(=|%3D)(.+)$/i.exec(value);
      const id = split?.[1] ?? '';
      const keep = tokenId.test(decoded(id)) ? `${id}${split?.[2]}` : '';
      return `${prefix}${keep}${redactionMark('token')}`;
    },
  },
  {
    // A bare `USER@REALM!ID=UUID` outside a header.
    pattern: new RegExp(`([\\w.-]+@[\\w.-]+![\\w.-]+)([=:])${uuid}`, 'g'),
    replace: (_match, id = '', separator = '') => `${id}${separator}${redactionMark('token')}`,
  },
  {
    pattern: new RegExp(`(PVEAuthCookie[ \\t]*=[ \\t]*)${notYetRedacted}([^\\s;"',]+)`, 'g'),
    replace: (_match, prefix = '') => `${prefix}${redactionMark('cookie')}`,
  },
  {
    // Tickets `PVE:user@realm:HEXTIME::signature` and `PVEVNC:HEXTIME::signature`, plain or URL-encoded.
    pattern: /PVE[A-Z]*:(?:[^\s:"']+:)?[0-9A-Fa-f]{8}::[A-Za-z0-9+/=]+|PVE[A-Z]*%3A[^\s"';&,]*%3A%3A[^\s"';&,]+/g,
    replace: () => redactionMark('ticket'),
  },
  {
    // A CSRF prevention token on its own: `HEXTIME:43 base64 characters`.
    pattern: /\b[0-9A-Fa-f]{8}:[A-Za-z0-9+/]{43}(?![A-Za-z0-9+/])/g,
    replace: () => redactionMark('csrf'),
  },
  {
    // `key=value`, `key: value`, `"key":"value"` whenever the key names a secret.
    pattern: new RegExp(
      `([A-Za-z][\\w-]*)(["']?[ \\t]*[:=][ \\t]*)("(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|[^\\s"',;&}\\]]+)`,
      'g',
    ),
    replace: (match, key = '', separator = '', value = '') => {
      const kind = sensitiveKeyKind(key);
      // A value an earlier rule already handled (`PVEAPIToken=id=[REDACTED:token]`) keeps its more precise form.
      if (!kind || value.includes('[REDACTED:')) return match;
      const quote = value.startsWith('"') || value.startsWith("'") ? value[0] : '';
      return `${key}${separator}${quote}${redactionMark(kind)}${quote}`;
    },
  },
];
