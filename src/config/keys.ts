import { z } from 'zod';
import { ConfigError } from '../shared/errors.js';
import { editDistance } from './edit-distance.js';
import { ConfigSchema, profileNamePattern, SecretsSchema } from './schema.js';

export type KeyKind = 'string' | 'integer' | 'boolean' | 'enum' | 'list';

/** One settable key, e.g. `profiles.<name>.url`, derived from the schemas. */
export interface KeySpec {
  pattern: string;
  kind: KeyKind;
  secret: boolean;
  description: string;
  schema: z.ZodType;
  choices?: readonly string[];
}

/** A key as the user typed it, matched to its spec. */
export interface ResolvedKey {
  key: string;
  path: string[];
  spec: KeySpec;
}

const nameSlot = '<name>';

export const keySpecs: readonly KeySpec[] = [
  ...collect(ConfigSchema, [], false),
  ...collect(SecretsSchema, [], true),
].sort((a, b) => a.pattern.localeCompare(b.pattern));

function collect(schema: z.ZodType, prefix: string[], secret: boolean): KeySpec[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([name, child]) =>
      collect(child, [...prefix, name], secret),
    );
  }
  if (inner instanceof z.ZodRecord) return collect(inner.valueType as z.ZodType, [...prefix, nameSlot], secret);
  return [
    {
      pattern: prefix.join('.'),
      kind: kindOf(inner),
      secret,
      description: describedAlong(schema),
      schema,
      ...(inner instanceof z.ZodEnum ? { choices: inner.options as string[] } : {}),
    },
  ];
}

function describedAlong(schema: z.ZodType): string {
  for (let current: z.ZodType | undefined = schema; current; current = inward(current)) {
    if (current.description) return current.description;
  }
  return '';
}

function inward(schema: z.ZodType): z.ZodType | undefined {
  if (schema instanceof z.ZodOptional) return schema.unwrap() as z.ZodType;
  if (schema instanceof z.ZodPipe) return schema.in as z.ZodType;
  return undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let next = inward(current); next; next = inward(current)) current = next;
  return current;
}

function kindOf(schema: z.ZodType): KeyKind {
  if (schema instanceof z.ZodNumber) return 'integer';
  if (schema instanceof z.ZodBoolean) return 'boolean';
  if (schema instanceof z.ZodEnum) return 'enum';
  if (schema instanceof z.ZodArray) return 'list';
  return 'string';
}

/** Finds the spec of a key, or fails naming the closest valid key. */
export function resolveKey(key: string): ResolvedKey {
  const path = key.split('.');
  for (const spec of keySpecs) {
    const slots = spec.pattern.split('.');
    if (slots.length !== path.length) continue;
    if (slots.every((slot, i) => (slot === nameSlot ? profileNamePattern.test(path[i]!) : slot === path[i]))) {
      return { key, path, spec };
    }
  }
  const suggestion = nearestKey(key);
  throw new ConfigError(
    suggestion
      ? `unknown config key '${key}'; did you mean '${suggestion}'?`
      : `unknown config key '${key}'; 'proxmox-ai config keys' lists the valid keys`,
    'config.unknown-key',
  );
}

/** The valid key closest to `key` by edit distance, with the user's profile name kept. */
export function nearestKey(key: string): string | undefined {
  const typed = key.split('.');
  let best: { key: string; distance: number } | undefined;
  for (const spec of keySpecs) {
    const candidate = spec.pattern
      .split('.')
      .map((slot, i) => (slot === nameSlot && typed[i] && profileNamePattern.test(typed[i]) ? typed[i] : slot))
      .join('.');
    const distance = editDistance(key, candidate);
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  if (!best) return undefined;
  return best.distance <= Math.max(2, Math.floor(key.length / 4)) ? best.key : undefined;
}
