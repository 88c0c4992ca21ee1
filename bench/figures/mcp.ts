import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { buildMcpServer, loadPromptTexts, type McpToolSession } from '../../mcp/index.js';
import { sessionRegistry } from '../../src/cli/session/registry.js';
import { packageRoot } from '../../src/config/package-info.js';
import { defaultRulesPath, loadDefaultRules } from '../../src/policy/index.js';
import type { BenchSuite } from '../figure.js';

/**
 * toolsListBytes: the `tools/list` result an MCP client receives for the
 * default tool set (built-in tools, default policy, normal mode), as JSON;
 * toolsListTokens: what it costs a model's context, at bytes/4.
 */
export const mcpFigures: BenchSuite = {
  name: 'mcp',
  async measure() {
    const session: McpToolSession = {
      registry: sessionRegistry({}, undefined),
      rules: loadDefaultRules(defaultRulesPath()),
      mode: 'normal',
      call: () => Promise.reject(new Error('the benchmark only lists tools')),
      end: async () => undefined,
    };
    const connection = buildMcpServer({
      info: { name: 'proxmox-ai', version: 'bench' },
      prompts: loadPromptTexts(path.join(packageRoot(), 'prompts')),
      trustElicitation: false,
      openSession: async () => session,
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await connection.server.connect(serverSide);
    const client = new Client({ name: 'bench', version: '1' });
    await client.connect(clientSide);
    try {
      const { tools } = await client.listTools();
      const bytes = Buffer.byteLength(JSON.stringify(tools));
      return {
        toolsListBytes: { value: bytes, unit: 'bytes', goal: '< 10240' },
        toolsListTokens: { value: Math.round(bytes / 4), unit: 'tokens' },
      };
    } finally {
      await client.close();
    }
  },
};
