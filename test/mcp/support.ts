import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ElicitRequestSchema, type ElicitRequest, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import type { McpConnection } from '../../mcp/index.js';
import { readAuditRecords, type AuditRecord } from '../../src/audit/index.js';
import { mcpConnections, type ConnectionOptions } from '../../src/cli/commands/mcp.js';
import type { CommandContext } from '../../src/cli/io.js';
import type { ClusterConnection } from '../../src/cli/session/open-cluster.js';
import { resolvePaths } from '../../src/config/paths.js';
import type { AppConfig } from '../../src/config/schema.js';
import { createProxmoxClient } from '../../src/proxmox/index.js';
import { toProxmoxApi } from '../../src/proxmox/proxmox-api-adapter.js';
import { demoScenarioPath, loadScenarioFile, simulatorClock, startSimulator } from '../../src/sim/index.js';

export interface HostOptions {
  config?: AppConfig;
  /** User policy rules (policy.yaml in the temp home). */
  policy?: string;
  /** How long a simulated task runs (default 0: ends at once). */
  taskDurationMs?: number;
  connection?: Partial<ConnectionOptions>;
}

/** The real MCP wiring of `proxmox-ai mcp` in this process: simulator, cluster connection, tool sessions, audit in a temp home. */
export async function startMcpHost(options: HostOptions = {}) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-mcp-'));
  if (options.policy) fs.writeFileSync(path.join(home, 'policy.yaml'), options.policy);
  const scenario = loadScenarioFile(demoScenarioPath());
  const clock = simulatorClock(scenario.now);
  const sim = await startSimulator({ scenario, now: clock, taskDurationMs: options.taskDurationMs ?? 0 });
  const client = createProxmoxClient({
    name: 'demo',
    url: sim.url,
    tokenId: sim.tokenId,
    tokenSecret: sim.tokenSecret,
    fingerprint: sim.fingerprint,
  });

  const resolved = {
    name: 'demo',
    url: sim.url,
    tokenId: sim.tokenId,
    tokenSecret: sim.tokenSecret,
    fingerprint: sim.fingerprint,
  };
  const cluster: ClusterConnection = {
    profile: 'demo',
    resolved,
    embedded: true,
    cluster: 'homelab',
    client,
    api: toProxmoxApi(client),
    config: options.config ?? {},
    secrets: {},
    now: () => new Date(clock()),
    async close() {
      await client.close();
      await sim.close();
    },
  };
  const env = { PROXMOX_AI_HOME: home };
  const ctx: CommandContext = {
    io: { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env },
    paths: resolvePaths(env),
    globals: { demo: true, color: false, debug: false },
  };
  const connect = mcpConnections(ctx, cluster, { origin: 'mcp-stdio', ...options.connection });
  return {
    home,
    ctx,
    connect,
    async records(): Promise<AuditRecord[]> {
      const all: AuditRecord[] = [];
      for await (const record of readAuditRecords(ctx.paths.auditDir)) all.push(record);
      return all;
    },
    close: () => cluster.close(),
  };
}

export type McpHost = Awaited<ReturnType<typeof startMcpHost>>;

export type ElicitAnswer = (request: ElicitRequest) => ElicitResult | Promise<ElicitResult>;

/** An SDK client on an in-memory link to a fresh connection; with `elicit`, it declares the elicitation capability and answers with it. */
export async function connectClient(connect: () => McpConnection, name: string, elicit?: ElicitAnswer) {
  const connection = connect();
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await connection.server.connect(serverSide);
  const client = new Client({ name, version: '1.0.0' }, { capabilities: elicit ? { elicitation: { form: {} } } : {} });
  if (elicit) client.setRequestHandler(ElicitRequestSchema, (request) => elicit(request));
  await client.connect(clientSide);
  return {
    client,
    connection,
    async close() {
      await client.close();
      await connection.end('test finished');
    },
  };
}

/** Records of one call (call, decision, answer, result), by the call's tool. */
export function callRecords(records: readonly AuditRecord[], tool: string): AuditRecord[] {
  const call = records.filter((record) => record.kind === 'call' && record.tool === tool).at(-1);
  return call ? [call, ...records.filter((record) => record.parentSeq === call.seq)] : [];
}

export const accept: ElicitAnswer = () => ({ action: 'accept', content: {} });
export const decline: ElicitAnswer = () => ({ action: 'decline' });

/** The text of a tools/call result. */
export function textOf(result: unknown): string {
  const content = (result as { content?: Array<{ type: string; text?: string }> }).content ?? [];
  return content.map((part) => part.text ?? '').join('\n');
}
