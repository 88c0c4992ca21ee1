import { z } from 'zod';
import type { ChatToolSpec } from './chat-model.js';
import type { AnyTool } from './tool.js';

/** Keys of JSON Schema a small model reads; Ollama drops the rest anyway. */
const keptKeys = new Set(['type', 'description', 'enum', 'properties', 'required', 'items', 'anyOf']);

/**
 * The tool list as the model sees it: sorted by name by the caller, built once
 * per session so every request carries the same bytes.
 */
export function toChatToolSpecs(tools: readonly AnyTool[]): ChatToolSpec[] {
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    parameters: slim(z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' })) as Record<string, unknown>,
  }));
}

function slim(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(slim);
  if (!schema || typeof schema !== 'object') return schema;
  const entries = Object.entries(schema as Record<string, unknown>)
    .filter(([key]) => keptKeys.has(key))
    .map(([key, value]) => [
      key,
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, prop]) => [name, slim(prop)]))
        : slim(value),
    ]);
  return Object.fromEntries(entries);
}
