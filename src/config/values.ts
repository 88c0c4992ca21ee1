import { ConfigError } from '../shared/errors.js';
import type { ResolvedKey } from './keys.js';

/**
 * Turns the text typed after `config set KEY` into a value of the key's type
 * and validates it, failing with one line that names the valid form.
 */
export function parseValue({ key, spec }: ResolvedKey, raw: string): unknown {
  const candidate = toKind(spec.kind, raw.trim());
  if (candidate === undefined) {
    throw new ConfigError(`${key} must be ${describeKind(spec.kind, spec.choices)}; got '${raw}'`, 'config.bad-value');
  }
  const parsed = spec.schema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail =
      issue?.code === 'invalid_value' && spec.choices ? `one of ${spec.choices.join(', ')}` : issue?.message;
    throw new ConfigError(
      `${key} must be ${detail ?? describeKind(spec.kind, spec.choices)}; got '${raw}'`,
      'config.bad-value',
    );
  }
  return parsed.data;
}

function toKind(kind: ResolvedKey['spec']['kind'], raw: string): unknown {
  switch (kind) {
    case 'integer':
      return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    case 'boolean':
      if (/^(true|yes|on|1)$/i.test(raw)) return true;
      if (/^(false|no|off|0)$/i.test(raw)) return false;
      return undefined;
    case 'list':
      if (raw.startsWith('[')) {
        try {
          const value: unknown = JSON.parse(raw);
          return Array.isArray(value) ? value : undefined;
        } catch {
          return undefined;
        }
      }
      return raw === ''
        ? []
        : raw
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean);
    default:
      return raw;
  }
}

function describeKind(kind: ResolvedKey['spec']['kind'], choices?: readonly string[]): string {
  switch (kind) {
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'list':
      return 'a comma-separated list or a JSON array';
    case 'enum':
      return `one of ${choices?.join(', ')}`;
    default:
      return 'text';
  }
}
