import { textRules } from './redact-rules.js';
import { redactionMark, sensitiveKeyKind } from './sensitive-keys.js';

export type { RedactionKind } from './sensitive-keys.js';

/**
 * The one place secrets are removed: used by the audit sink before a record
 * is written and, later, before any text reaches a model.
 */
export interface Redactor {
  /** A JSON-safe copy of `value` with every secret replaced by `[REDACTED:kind]`. */
  redact(value: unknown): unknown;
  redactText(text: string): string;
}

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
    for (const rule of textRules) out = out.replace(rule.pattern, rule.replace);
    return out;
  };
  const redact = (value: unknown, ancestors: object[] = []): unknown => {
    if (typeof value === 'string') return redactText(value);
    if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'object') return undefined;
    if (value instanceof Error) return redactText(`${value.name}: ${value.message}`);
    if (ArrayBuffer.isView(value)) return `[binary ${value.byteLength} bytes]`;
    if (ancestors.includes(value)) return '[circular]';
    const inner = [...ancestors, value];
    if ('toJSON' in value && typeof value.toJSON === 'function') return redact(value.toJSON(), inner);
    if (Array.isArray(value) || value instanceof Set) return [...value].map((item) => redact(item, inner) ?? null);
    const entries =
      value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v] as const) : Object.entries(value);
    const out: Record<string, unknown> = {};
    for (const [key, item] of entries) {
      const kind = sensitiveKeyKind(key);
      const redacted = kind && holdsSecret(item) ? redactionMark(kind) : redact(item, inner);
      if (redacted !== undefined) out[redactText(key)] = redacted;
    }
    return out;
  };
  return { redactText, redact: (value) => redact(value) };
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
