import { redactionMark, sensitiveKeyKind } from './sensitive-keys.js';

/** One text rule: rewrites every secret of one shape in `text`. */
export type TextRule = (text: string) => string;

// Safety: every rule runs in time linear in the text, whatever the text. A
// backtracking regex is only quadratic when it may start a match at many
// positions of one long run and scan that run from each: so a pattern that
// opens with an unbounded run starts only where such a run starts (a
// lookbehind), and prefixes that can repeat inside one run are bounded
// (`PVE[A-Z]{0,16}`). Each run is then scanned a fixed number of times.

const uuid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const notYetRedacted = '(?!\\[REDACTED:)';
const tokenId = /^[\w.-]+@[\w.-]+![\w.-]+$/;
/** The URL-encoded `:`, and a run of URL-encoded text that holds none. */
const encodedColon = '%3[Aa]';
const noEncodedColon = `(?:[^\\s"';&,%]|%(?!3[Aa]))+`;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A regex rule, skipped on text without `hint` (a substring every match contains, found in one fast pass). */
function replacing(
  hint: string | RegExp,
  pattern: RegExp,
  replace: (match: string, ...groups: string[]) => string,
): TextRule {
  const worthTrying =
    typeof hint === 'string' ? (text: string) => text.includes(hint) : (text: string) => hint.test(text);
  return (text) => (worthTrying(text) ? text.replace(pattern, replace) : text);
}

// Safety: every key sensitiveKeyKind calls secret contains one of these
// (ignoring `-` and `_`), so only such keys are looked at; a cheap way to skip
// the ordinary `key=value` pairs that make up most of a log.
const secretKeyStems = ['pass', 'pwd', 'ticket', 'cookie', 'csrf', 'authorization', 'secret', 'key', 'token'];

/**
 * `key=value`, `key: value`, `"key":"value"` whenever the key names a
 * secret. Only `key` and the separator are matched by the pattern; the value
 * is read only under a secret's key, and scanning goes on right after an
 * ordinary separator, so a secret quoted inside another value is found too.
 */
const keyThenSeparator = new RegExp(
  `(?<![\\w-])(?=[\\w-]*?(?:${secretKeyStems.map(spelledLoosely).join('|')}))([A-Za-z][\\w-]*)(["']?[ \\t]*[:=][ \\t]*)`,
  'gi',
);
// A quoted value ends at its closing quote or, unclosed, at the end of the line.
const valueAt = /"(?:[^"\\\r\n]|\\.)*"?|'(?:[^'\\\r\n]|\\.)*'?|[^\s"',;&}\]]+/y;

/** `p[-_]*a[-_]*s[-_]*s`: a stem as sensitiveKeyKind reads it, which ignores `-` and `_`. */
function spelledLoosely(stem: string): string {
  return [...stem].join('[-_]*');
}

function redactKeyValues(text: string): string {
  let out = '';
  let copied = 0;
  keyThenSeparator.lastIndex = 0;
  for (let found = keyThenSeparator.exec(text); found; found = keyThenSeparator.exec(text)) {
    const kind = sensitiveKeyKind(found[1]!);
    if (!kind) continue;
    valueAt.lastIndex = keyThenSeparator.lastIndex;
    const value = valueAt.exec(text)?.[0];
    if (!value) continue;
    const valueEnd = keyThenSeparator.lastIndex + value.length;
    // A value an earlier rule already handled (`PVEAPIToken=id=[REDACTED:token]`) keeps its more precise form.
    if (!value.includes('[REDACTED:')) {
      const quote = value.startsWith('"') || value.startsWith("'") ? value[0] : '';
      out += text.slice(copied, keyThenSeparator.lastIndex) + quote + redactionMark(kind) + quote;
      copied = valueEnd;
    }
    keyThenSeparator.lastIndex = valueEnd;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * The patterns of Proxmox credentials as they show up in arguments, error
 * messages, logs and HTTP traces. Order matters: whole blocks and header
 * lines go first, so later rules never see half of a secret.
 */
export const textRules: readonly TextRule[] = [
  // PEM and OpenSSH private keys, also when cut short before the END line.
  replacing(
    'PRIVATE KEY',
    /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    () => redactionMark('private-key'),
  ),
  // HTTP header lines: the whole value up to the end of the line.
  replacing(
    /authorization|cookie/i,
    /\b((?:proxy-)?authorization|(?:set-)?cookie)([ \t]*:[ \t]*)(?!\[REDACTED:)([^\r\n]+)/gi,
    (_match, name = '', separator = '') =>
      `${name}${separator}${redactionMark(name.toLowerCase().includes('cookie') ? 'cookie' : 'authorization')}`,
  ),
  // `PVEAPIToken=USER@REALM!ID=SECRET` (also with a space or URL-encoded): keep the token id, drop the secret.
  replacing(
    /PVEAPIToken/i,
    new RegExp(`(PVEAPIToken(?:[ \\t]*=[ \\t]*|[ \\t]+|%3D))${notYetRedacted}([^\\s"',;&]+)`, 'gi'),
    (_match, prefix = '', value = '') => {
      const split = /^(.+)(=|%3D)(.+)$/i.exec(value);
      const id = split?.[1] ?? '';
      const keep = tokenId.test(decoded(id)) ? `${id}${split?.[2]}` : '';
      return `${prefix}${keep}${redactionMark('token')}`;
    },
  ),
  // A bare `USER@REALM!ID=UUID` outside a header.
  replacing(
    /[=:][0-9a-fA-F]{8}-[0-9a-fA-F]{4}-/,
    new RegExp(`(?<![\\w.-])([\\w.-]+@[\\w.-]+![\\w.-]+)([=:])${uuid}`, 'g'),
    (_match, id = '', separator = '') => `${id}${separator}${redactionMark('token')}`,
  ),
  replacing(
    'PVEAuthCookie',
    new RegExp(`(PVEAuthCookie[ \\t]*=[ \\t]*)${notYetRedacted}([^\\s;"',]+)`, 'g'),
    (_match, prefix = '') => `${prefix}${redactionMark('cookie')}`,
  ),
  // Tickets `PVE:user@realm:HEXTIME::signature` and `PVEVNC:HEXTIME::signature`, plain or URL-encoded.
  replacing(
    'PVE',
    new RegExp(
      `PVE[A-Z]{0,16}:(?:[^\\s:"']+:)?[0-9A-Fa-f]{8}::[A-Za-z0-9+/=]+|` +
        `PVE[A-Z]{0,16}${encodedColon}(?:${noEncodedColon}${encodedColon})?[0-9A-Fa-f]{8}${encodedColon}${encodedColon}[^\\s"';&,]+`,
      'g',
    ),
    () => redactionMark('ticket'),
  ),
  // A CSRF prevention token on its own: `HEXTIME:43 base64 characters`.
  replacing(':', /\b[0-9A-Fa-f]{8}:[A-Za-z0-9+/]{43}(?![A-Za-z0-9+/])/g, () => redactionMark('csrf')),
  redactKeyValues,
];
