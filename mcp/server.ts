import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { visibleTools } from '../src/core/visible-tools.js';
import { toCallToolResult } from './call-result.js';
import { clientName } from './client-name.js';
import { ElicitationApprover } from './elicitation-approver.js';
import { progressReporter } from './progress.js';
import { registerPrompts, type PromptTexts } from './prompts.js';
import { listedTool } from './tool-listing.js';
import type { McpToolSession, OpenToolSession } from './tool-session.js';

export interface McpServerOptions {
  info: { name: string; version: string };
  openSession: OpenToolSession;
  prompts: PromptTexts;
  /** `mcp.trustElicitation`. */
  trustElicitation: boolean;
  /** How long a confirmation waits for the client (default 5 minutes: a human reads the form). */
  elicitationTimeoutMs?: number;
  /** Whose bearer token opened this connection (HTTP); absent on stdio. */
  person?: string;
}

/** One client's connection: its protocol server and the end of its tool session. */
export interface McpConnection {
  server: McpServer;
  /** Records the session end (if a session was opened); safe to call more than once. */
  end(summary: string): Promise<void>;
}

const instructions =
  'Proxmox VE tools guarded by proxmox-ai: every call passes its policy and is audited. ' +
  'Calls that change something are confirmed by the user through elicitation; no argument (such as confirm: true) can grant that.';

/**
 * Builds the MCP server for one connection (stdio, or one Streamable HTTP
 * session). Tools are served by hand rather than with registerTool: the SDK
 * would validate arguments before our handler, so a malformed call would skip
 * the scheduler and the audit trail. Here every `tools/call`, valid or not,
 * goes through the connection's tool session.
 */
export function buildMcpServer(options: McpServerOptions): McpConnection {
  const mcp = new McpServer(options.info, { instructions });
  registerPrompts(mcp, options.prompts);
  mcp.server.registerCapabilities({ tools: {} });

  let opened: Promise<{ tools: McpToolSession; approver: ElicitationApprover; listed: Tool[] }> | undefined;
  // Opened on first use, after initialize: the client's name goes into every audit record of the session.
  const session = () =>
    (opened ??= (async () => {
      const client = clientName(mcp.server.getClientVersion());
      const approver = new ElicitationApprover({
        server: mcp.server,
        client,
        trustElicitation: options.trustElicitation,
        timeoutMs: options.elicitationTimeoutMs ?? 300_000,
      });
      const { person } = options;
      const tools = await options.openSession({ name: client, approver, ...(person ? { person } : {}) });
      const visible = visibleTools(tools.registry, tools.rules, tools.mode, person);
      return { tools, approver, listed: visible.map(listedTool) };
    })());

  mcp.server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: (await session()).listed }));
  mcp.server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { tools, approver } = await session();
    const onProgress = progressReporter(extra);
    const outcome = await approver.within(extra.requestId, () =>
      tools.call({
        tool: request.params.name,
        args: request.params.arguments ?? {},
        signal: extra.signal,
        ...(onProgress ? { onProgress } : {}),
      }),
    );
    return toCallToolResult(outcome);
  });

  let ended = false;
  return {
    server: mcp,
    async end(summary) {
      if (ended || !opened) return;
      ended = true;
      const live = await opened.catch(() => undefined);
      await live?.tools.end(summary);
    },
  };
}
