import { textRules } from './redact-rules.js';
import { redactionMark, sensitiveKeyKind } from './sensitive-keys.js';

export type { RedactionKind } from './sensitive-keys.js';

/**
 * The one place secrets are removed: used by the audit sink before a record
 * is written and, later, before any text reaches a model.
 */
export interface Redactor {
  /** A JSON-safe copy of `value` with every secret replaced by `[REDACTED:kind]`, cut to `limits` when given. */
  redact(value: unknown, limits?: CutLimits): unknown;
  redactText(text: string): string;
  /** At most `maxChars` characters of `text`, redacted; a cut says how long the text was. */
  redactWithin(text: string, maxChars: number): string;
}

/** Bounds for a value too big to keep whole (an oversized argument, a tool's structured output). */
export interface CutLimits {
  maxString: number;
  maxItems?: number;
  maxDepth?: number;
}

// Safety: text is cut with this margin before redaction and to its final size
// after, so a secret lying across the final cut is redacted while still whole
// and never shows half of itself.
const cutMargin = 4096;

export interface RedactorOptions {
  /** Exact values to hide wherever they appear, e.g. every value of the user's secrets.json. */
  secrets?: readonly string[];
}

// Safety: shorter values are not hunted for verbatim; replacing every "pve" or
// "1234" would garble records while hiding nothing a guess would not find.
const shortestExactSecret = 4;

export function createRedactor(options: RedactorOptions = {}): Redactor {
  const exact = exactForms(options.secrets ?? []);
  const redactText = (text: string): string => {
    let out = text;
    for (const secret of exact) if (out.includes(secret)) out = out.split(secret).join(redactionMark('secret'));
    for (const rule of textRules) out = rule(out);
    return out;
  };
  const redactWithin = (text: string, maxChars: number): string => {
    if (text.length <= maxChars) return redactText(text);
    const clean = redactText(text.slice(0, maxChars + cutMargin));
    return `${clean.slice(0, maxChars)}… [cut: ${text.length} characters, ${maxChars} shown]`;
  };
  const redact = (value: unknown, limits?: CutLimits, ancestors: object[] = []): unknown => {
    if (typeof value === 'string') return limits ? redactWithin(value, limits.maxString) : redactText(value);
    if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'object') return undefined;
    if (value instanceof Error) return redactText(`${value.name}: ${value.message}`);
    if (ArrayBuffer.isView(value)) return `[binary ${value.byteLength} bytes]`;
    if (ancestors.includes(value)) return '[circular]';
    if (limits?.maxDepth !== undefined && ancestors.length >= limits.maxDepth) return '[cut: nested too deep]';
    const inner = [...ancestors, value];
    if ('toJSON' in value && typeof value.toJSON === 'function') return redact(value.toJSON(), limits, inner);
    if (Array.isArray(value) || value instanceof Set) {
      const items = [...value];
      const kept = limits?.maxItems !== undefined ? items.slice(0, limits.maxItems) : items;
      const out = kept.map((item) => redact(item, limits, inner) ?? null);
      return kept.length < items.length ? [...out, `[cut: ${items.length} items, ${kept.length} shown]`] : out;
    }
    const entries =
      value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v] as const) : Object.entries(value);
    const kept = limits?.maxItems !== undefined ? entries.slice(0, limits.maxItems) : entries;
    const out: Record<string, unknown> = {};
    for (const [key, item] of kept) {
      const kind = sensitiveKeyKind(key);
      const redacted = kind && holdsSecret(item) ? redactionMark(kind) : redact(item, limits, inner);
      const name = limits ? redactWithin(key, limits.maxString) : redactText(key);
      // Safety: defined, not assigned, so a key named `__proto__` stays a visible key of the record.
      if (redacted !== undefined)
        Object.defineProperty(out, name, { value: redacted, enumerable: true, writable: true, configurable: true });
    }
    if (kept.length < entries.length) out['[cut]'] = `${entries.length} keys, ${kept.length} shown`;
    return out;
  };
  return { redactText, redactWithin, redact: (value, limits) => redact(value, limits) };
}

/** Empty, null and boolean values under a secret's key say nothing about the secret, so they stay readable. */
function holdsSecret(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '' && typeof value !== 'boolean';
}

/** Each secret as typed and URL-encoded (it travels in form bodies and cookies), longest first. */
function exactForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < shortestExactSecret) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}
