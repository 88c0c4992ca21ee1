import type { AppConfig } from '../../config/schema.js';
import { packageVersion } from '../../config/package-info.js';
import type { AnyTool } from '../../core/tool.js';
import { printLine, type CommandContext } from '../io.js';

export interface ExternalTools {
  tools: AnyTool[];
  close(): Promise<void>;
}

/**
 * The tools of the MCP servers in `mcp.servers`, as `<server>__<tool>`; a server
 * that fails to start is reported once and the session goes on without it.
 * The MCP SDK is loaded only when servers are configured.
 */
export async function openExternalServers(
  ctx: CommandContext,
  config: AppConfig,
  label: string,
): Promise<ExternalTools> {
  if (Object.keys(config.mcp?.servers ?? {}).length === 0) return { tools: [], close: async () => undefined };
  const { connectExternalServers } = await import('../../../mcp/index.js');
  return connectExternalServers(config, {
    report: (line) => printLine(ctx.io.stderr, `proxmox-ai ${label}: ${line}`),
    clientInfo: { name: 'proxmox-ai', version: packageVersion() },
  });
}
