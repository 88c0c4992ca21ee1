import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { AppConfig, McpServerConfig } from '../../src/config/schema.js';
import type { AnyTool } from '../../src/core/tool.js';
import { externalTool } from './external-tool.js';

export interface ExternalServers {
  /** Every usable tool of every server that started, as `<server>__<tool>`. */
  tools: AnyTool[];
  close(): Promise<void>;
}

export interface ExternalServerOptions {
  /** Told once about each server that could not be used (or whose tools were skipped); e.g. a line on stderr. */
  report(message: string): void;
  clientInfo: { name: string; version: string };
  /** How long a server may take to start and list its tools (default 15 s). */
  startTimeoutMs?: number;
}

interface Connected {
  client: Client;
  tools: AnyTool[];
}

/**
 * Connects the servers of `mcp.servers` (docs/architecture.md, "An MCP call"), all at once. A server
 * that fails to start is reported and left out; the session goes on without it.
 */
export async function connectExternalServers(
  config: AppConfig,
  options: ExternalServerOptions,
): Promise<ExternalServers> {
  const entries = Object.entries(config.mcp?.servers ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const connected = (await Promise.all(entries.map(([name, server]) => connectOne(name, server, options)))).filter(
    (one): one is Connected => one !== undefined,
  );
  return {
    tools: connected.flatMap((one) => one.tools),
    async close() {
      await Promise.all(connected.map((one) => one.client.close().catch(() => undefined)));
    },
  };
}

async function connectOne(
  name: string,
  server: McpServerConfig,
  options: ExternalServerOptions,
): Promise<Connected | undefined> {
  const timeout = options.startTimeoutMs ?? 15_000;
  const stderr = { tail: '' };
  const client = new Client(options.clientInfo, { capabilities: {} });
  try {
    await client.connect(transportFor(server, stderr), { timeout });
    const tools: AnyTool[] = [];
    const skipped: string[] = [];
    for (const tool of await listAllTools(client, timeout)) {
      const ours = externalTool(name, tool, client);
      if (ours) tools.push(ours);
      else skipped.push(tool.name.slice(0, 80));
    }
    if (skipped.length > 0)
      options.report(
        `MCP server '${name}': skipped ${skipped.length} tool(s) whose names cannot be used as ${name}__<tool>: ${skipped.join(', ')}`,
      );
    return { client, tools };
  } catch (error) {
    await client.close().catch(() => undefined);
    const lastLine = stderr.tail.trim().split('\n').at(-1)?.slice(0, 200);
    const why = error instanceof Error ? error.message : String(error);
    options.report(
      `MCP server '${name}' did not start (${why}${lastLine ? `; its last words: ${lastLine}` : ''}); going on without its tools`,
    );
    return undefined;
  }
}

function transportFor(server: McpServerConfig, stderr: { tail: string }): Transport {
  if (server.url !== undefined)
    return new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: server.headers ?? {} } });
  if (server.command === undefined) throw new Error('its config has neither command nor url');
  // Only the variables given, on top of the SDK's short default list (PATH, HOME, ...): our environment may hold secrets.
  const transport = new StdioClientTransport({
    command: server.command,
    args: server.args ?? [],
    env: server.env ?? {},
    stderr: 'pipe',
  });
  // Its stderr is kept off our terminal (the TUI owns it); the tail explains a failed start.
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr.tail = (stderr.tail + chunk.toString('utf8')).slice(-2000);
  });
  return transport;
}

async function listAllTools(client: Client, timeout: number): Promise<Tool[]> {
  const tools: Tool[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor ? { cursor } : {}, { timeout });
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  return tools;
}
