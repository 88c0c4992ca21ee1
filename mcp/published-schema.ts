import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/** Keys whose value maps names to schemas (a property may well be called "pattern"). */
const nameMaps = new Set(['properties', '$defs', 'definitions', 'patternProperties']);

/**
 * A tool's input schema as `tools/list` publishes it: zod's JSON Schema
 * without `$schema` (MCP defaults to draft 2020-12), without `pattern`
 * (the descriptions state formats in words, and the server's validation
 * names the expected form on a bad call), and without the ±2^53-1 bounds
 * zod adds to every integer. Types, enums, ranges, defaults and required
 * fields stay. Every call is validated by the scheduler against the full schema.
 */
export function publishedInputSchema(input: z.ZodType): Tool['inputSchema'] {
  const schema = trim(z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' })) as Record<string, unknown>;
  return { ...schema, type: 'object' };
}

function trim(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(trim);
  if (node === null || typeof node !== 'object') return node;
  const kept = Object.entries(node as Record<string, unknown>).filter(
    ([key, value]) => key !== '$schema' && key !== 'pattern' && !isSafeIntegerBound(key, value),
  );
  return Object.fromEntries(
    kept.map(([key, value]) => [
      key,
      nameMaps.has(key) && isMap(value)
        ? Object.fromEntries(Object.entries(value).map(([name, child]) => [name, trim(child)]))
        : trim(value),
    ]),
  );
}

function isSafeIntegerBound(key: string, value: unknown): boolean {
  return (
    (key === 'minimum' || key === 'maximum') && (value === Number.MAX_SAFE_INTEGER || value === Number.MIN_SAFE_INTEGER)
  );
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
