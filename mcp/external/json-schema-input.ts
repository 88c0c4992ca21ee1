import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/**
 * The zod schema our scheduler validates an external tool's arguments with,
 * converted from the JSON Schema its server published (so the local model
 * and our own MCP clients see the same parameters). A schema zod cannot read
 * falls back to "any object": the server still validates its own input.
 */
export function inputFromJsonSchema(schema: Tool['inputSchema']): z.ZodType<Record<string, unknown>> {
  try {
    return z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema) as z.ZodType<Record<string, unknown>>;
  } catch {
    return z.looseObject({});
  }
}
