import type { Tool, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { AnyTool, Risk } from '../src/core/tool.js';
import { isExternalToolName } from '../src/policy/index.js';
import { publishedInputSchema } from './published-schema.js';

/** Hints for clients, from our risk (a riskFor() tool is listed at its highest risk). They grant nothing. */
const hintsByRisk: Record<Risk, ToolAnnotations> = {
  read: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  change: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  destructive: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
};

/**
 * A tool as `tools/list` shows it: name, title, description, the input
 * schema and annotations. No outputSchema: a tool's structured content
 * changes shape with the outcome (a failed start adds the task log), and a
 * declared schema would make clients reject the other shapes.
 */
export function listedTool(tool: AnyTool): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: publishedInputSchema(tool.input),
    // External tools reach whatever their server reaches.
    annotations: { ...hintsByRisk[tool.risk], ...(isExternalToolName(tool.name) ? { openWorldHint: true } : {}) },
  };
}
