import type { Tool, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { AnyTool, Risk } from '../src/core/tool.js';
import { isExternalToolName } from '../src/policy/index.js';
import { publishedInputSchema } from './published-schema.js';

/**
 * Hints for clients, from our risk (a riskFor() tool is listed at its highest
 * risk). They grant nothing. Only hints that differ from the MCP defaults
 * (readOnly false, destructive true, idempotent false, openWorld true) are
 * sent: the meaning is the same and the tool list stays small.
 */
const hintsByRisk: Record<Risk, ToolAnnotations> = {
  read: { readOnlyHint: true, openWorldHint: false },
  change: { destructiveHint: false, openWorldHint: false },
  destructive: { openWorldHint: false },
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
    annotations: {
      ...hintsByRisk[tool.risk],
      ...(tool.idempotent ? { idempotentHint: true } : {}),
      ...(isExternalToolName(tool.name) ? { openWorldHint: true } : {}),
    },
  };
}
