import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isToolError, type ToolOutcome } from '../src/core/call-outcome.js';

/** The scheduler's outcome as a `tools/call` result: a denial, failure, timeout or invalid call is `isError` with the reason. */
export function toCallToolResult(outcome: ToolOutcome): CallToolResult {
  return {
    content: [{ type: 'text', text: outcome.text }],
    ...(outcome.structured ? { structuredContent: outcome.structured } : {}),
    ...(isToolError(outcome) ? { isError: true } : {}),
  };
}
