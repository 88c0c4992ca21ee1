import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectExternalServers, type ExternalServers } from '../../mcp/index.js';
import { packageRoot } from '../../src/config/package-info.js';
import type { AppConfig } from '../../src/config/schema.js';
import { accept, callRecords, connectClient, startMcpHost, textOf, type McpHost } from './support.js';

const fixture = path.join(packageRoot(), 'test/fixtures/mcp-echo-server.mjs');
const clientInfo = { name: 'proxmox-ai', version: 'test' };
const echoServer = { command: process.execPath, args: [fixture] };

let servers: ExternalServers | undefined;
let host: McpHost | undefined;
afterEach(async () => {
  await servers?.close();
  await host?.close();
  servers = undefined;
  host = undefined;
});

async function connect(config: AppConfig) {
  const reports: string[] = [];
  servers = await connectExternalServers(config, {
    report: (line) => reports.push(line),
    clientInfo,
    startTimeoutMs: 10_000,
  });
  return { tools: servers.tools, reports };
}

describe('external MCP servers (mcp.servers)', () => {
  it('adds their tools as <server>__<tool>, at least at the external risk whatever their annotations claim', async () => {
    const { tools } = await connect({ mcp: { servers: { fx: echoServer } } });
    expect(tools.map((tool) => [tool.name, tool.risk])).toEqual([
      ['fx__echo', 'change'],
      ['fx__wipe', 'destructive'],
    ]);
  });

  it('reports once the tools whose names cannot be used', async () => {
    const { reports } = await connect({ mcp: { servers: { fx: echoServer } } });
    expect(reports).toEqual([expect.stringMatching(/^MCP server 'fx': skipped 1 tool\(s\) .*: bad name!$/)]);
  });

  it('reports a server that fails to start once, by name, and goes on with the others', async () => {
    const { tools, reports } = await connect({
      mcp: { servers: { broken: { command: '/nonexistent/mcp-server' }, fx: echoServer } },
    });
    const aboutBroken = reports.filter((line) => line.includes("'broken'"));
    expect(aboutBroken).toEqual([
      expect.stringMatching(/^MCP server 'broken' did not start \(.*ENOENT.*\); going on without its tools$/),
    ]);
    expect(tools.map((tool) => tool.name)).toEqual(['fx__echo', 'fx__wipe']);
  });

  it('runs their tools through the same pipeline: confirmation, fenced result, redaction, audit', async () => {
    const { tools } = await connect({ mcp: { servers: { fx: echoServer } } });
    host = await startMcpHost({ connection: { extraTools: tools } });
    const { client, close } = await connectClient(host.connect, 'ide', accept);
    const listed = (await client.listTools()).tools.find((tool) => tool.name === 'fx__echo');
    const result = await client.callTool({
      name: 'fx__echo',
      arguments: { text: 'PVEAPIToken=root@pam!ai=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
    });
    await close();
    expect(listed).toMatchObject({
      inputSchema: { properties: { text: { type: 'string' } }, required: ['text'] },
      annotations: { openWorldHint: true },
    });
    expect(textOf(result)).toContain('<<<DATA from MCP server fx (echo)');
    expect(textOf(result)).toContain('echo: PVEAPIToken=root@pam!ai=[REDACTED:token]');
    expect(JSON.stringify(result.structuredContent)).not.toContain('0a1b2c3d');
    const records = callRecords(await host.records(), 'fx__echo');
    expect(records.map((record) => [record.kind, record.decidedBy])).toEqual([
      ['call', null],
      ['decision', 'rule:changes-ask'],
      ['answer', 'mcp-client:ide'],
      ['result', null],
    ]);
    expect(JSON.stringify(records)).not.toContain('0a1b2c3d');
  });
});
