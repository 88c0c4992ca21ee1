import type { Approver } from '../src/core/approver.js';
import type { ToolOutcome } from '../src/core/call-outcome.js';
import type { ToolRegistry } from '../src/core/registry.js';
import type { ToolRequest } from '../src/core/scheduler.js';
import type { PolicyMode, PolicyRule } from '../src/policy/index.js';

/** What one MCP connection needs of its tool session; src/cli's ToolSession fits. */
export interface McpToolSession {
  registry: ToolRegistry;
  rules: readonly PolicyRule[];
  mode: PolicyMode;
  /** The scheduler bound to the session: the only way a tool runs. */
  call(request: ToolRequest): Promise<ToolOutcome>;
  end(summary: string): Promise<void>;
}

/** Who is on the other end, known once the client has sent `initialize`. */
export interface McpClientIdentity {
  /** The client's own name, cleaned for the audit trail (`actor.mcpClient`, `decidedBy: mcp-client:<name>`). */
  name: string;
  /** Confirms calls by elicitation on this connection. */
  approver: Approver;
  /** The person whose bearer token opened the connection (HTTP); policy rules match it as `where.actor`. */
  person?: string;
}

/** Opens the tool session of one connection (origin mcp-stdio or mcp-http); src/cli wires it. */
export type OpenToolSession = (client: McpClientIdentity) => Promise<McpToolSession>;
