import os from 'node:os';
import path from 'node:path';
import {
  buildMcpServer,
  connectExternalServers,
  legacyTokenWanted,
  listenSettings,
  loadOrCreateToken,
  loadPromptTexts,
  serveHttp,
  serveStdio,
  TokenAuthority,
  type ListenSettings,
  type TokenFiles,
  type McpConnection,
} from '../../../mcp/index.js';
import { packageRoot, packageVersion } from '../../config/package-info.js';
import { UsageError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';
import type { AnyTool } from '../../core/tool.js';
import { printLine, type CommandContext } from '../io.js';
import { openCluster, type ClusterConnection } from '../session/open-cluster.js';
import { openToolSession } from '../session/open-tool-session.js';

export interface McpFlags {
  http?: boolean;
  port?: string;
  host?: string;
  printToken?: boolean;
  tlsCert?: string;
  tlsKey?: string;
}

const httpOnly: Array<[keyof McpFlags, string]> = [
  ['port', '--port'],
  ['host', '--host'],
  ['printToken', '--print-token'],
  ['tlsCert', '--tls-cert'],
  ['tlsKey', '--tls-key'],
];

/**
 * `proxmox-ai mcp [--http ...]` (docs/architecture.md, "An MCP call"): serves until the client
 * goes away (stdio) or SIGINT/SIGTERM, then records the end of every session.
 */
export async function runMcp(
  ctx: CommandContext,
  flags: McpFlags,
  stopped: () => Promise<string> = untilSignal,
): Promise<number> {
  const stray = httpOnly.find(([key]) => flags[key] !== undefined);
  if (!flags.http && stray) throw new UsageError(`${stray[1]} goes with --http`);
  const listen = flags.http ? listenSettings({ port: flags.port ?? '0', ...pick(flags) }) : undefined;
  // Listen for the stop signal before anything starts: a caller may signal as soon as it sees us.
  const stop = stopped();
  const cluster = await openCluster(ctx);
  try {
    const external = await connectExternalServers(cluster.config, {
      report: (line) => printLine(ctx.io.stderr, `proxmox-ai mcp: ${line}`),
      clientInfo: serverInfo(),
    });
    try {
      const connect = mcpConnections(ctx, cluster, {
        origin: listen ? 'mcp-http' : 'mcp-stdio',
        extraTools: external.tools,
      });
      return listen
        ? await serveOverHttp(ctx, cluster, listen, connect, { printToken: Boolean(flags.printToken), stop })
        : await serveOverStdio(ctx, connect, stop);
    } finally {
      await external.close();
    }
  } finally {
    await cluster.close();
  }
}

export interface ConnectionOptions {
  origin: 'mcp-stdio' | 'mcp-http';
  extraTools?: AnyTool[];
  elicitationTimeoutMs?: number;
}

/** A factory of MCP connections on one cluster: each gets its own tool session (audit session, grants, client name). */
export function mcpConnections(
  ctx: CommandContext,
  cluster: ClusterConnection,
  options: ConnectionOptions,
): (person?: string) => McpConnection {
  const prompts = loadPromptTexts(path.join(packageRoot(), 'prompts'));
  const trustElicitation = cluster.config.mcp?.trustElicitation === true;
  return (person) =>
    buildMcpServer({
      info: serverInfo(),
      prompts,
      trustElicitation,
      ...(person ? { person } : {}),
      ...(options.elicitationTimeoutMs ? { elicitationTimeoutMs: options.elicitationTimeoutMs } : {}),
      openSession: (client) =>
        openToolSession(ctx, cluster, {
          origin: options.origin,
          approver: client.approver,
          mcpClient: client.name,
          ...(client.person ? { person: client.person } : {}),
          ...(options.extraTools ? { extraTools: options.extraTools } : {}),
        }),
    });
}

async function serveOverStdio(
  ctx: CommandContext,
  connect: () => McpConnection,
  stop: Promise<string>,
): Promise<number> {
  const connection = connect();
  const serving = await serveStdio(connection, ctx.io);
  printLine(ctx.io.stderr, `proxmox-ai mcp: serving on stdio; audit trail in ${ctx.paths.auditDir}`);
  const why = await Promise.race([serving.disconnected.then(() => 'the MCP client disconnected'), stop]);
  await serving.close();
  await connection.end(why);
  return ExitCode.ok;
}

interface HttpRun {
  printToken: boolean;
  stop: Promise<string>;
}

async function serveOverHttp(
  ctx: CommandContext,
  cluster: ClusterConnection,
  listen: ListenSettings,
  connect: (person: string) => McpConnection,
  run: HttpRun,
): Promise<number> {
  const files = tokenFiles(ctx);
  // The single token of a one-person set-up, created on first use as before; never again once revoked.
  const token = legacyTokenWanted(files) ? loadOrCreateToken(files.legacy) : null;
  const people = new TokenAuthority(files);
  const serving = await serveHttp({
    listen,
    guard: {
      authenticate: (presented) => people.authenticate(presented),
      allowedOrigins: cluster.config.mcp?.allowedOrigins ?? [],
      allowedHosts: [...(cluster.config.mcp?.allowedHosts ?? []), listen.host.replace(/^\[|\]$/g, '')],
    },
    connect,
  });
  printLine(
    ctx.io.stdout,
    JSON.stringify({
      url: serving.url,
      tokenFile: token === null ? null : files.legacy,
      ...(run.printToken && token !== null ? { token } : {}),
    }),
  );
  printLine(
    ctx.io.stderr,
    `proxmox-ai mcp: serving Streamable HTTP on ${serving.url}; audit trail in ${ctx.paths.auditDir}`,
  );
  await serving.close(await run.stop);
  return ExitCode.ok;
}

export function tokenFiles(ctx: CommandContext): TokenFiles {
  return { store: ctx.paths.mcpTokensFile, legacy: ctx.paths.mcpTokenFile };
}

function serverInfo(): { name: string; version: string } {
  return { name: 'proxmox-ai', version: packageVersion() };
}

function pick(flags: McpFlags): { host?: string; tlsCert?: string; tlsKey?: string } {
  return {
    ...(flags.host ? { host: flags.host } : {}),
    ...(flags.tlsCert ? { tlsCert: flags.tlsCert } : {}),
    ...(flags.tlsKey ? { tlsKey: flags.tlsKey } : {}),
  };
}

/** How long the sessions get to record their end after a stop signal. */
const stopDeadlineMs = 1500;

/**
 * Resolves on the first SIGINT or SIGTERM. The listeners stay installed: with
 * none left, signal-exit (loaded by dependencies) would re-raise the signal
 * and kill the process before the sessions have recorded their end.
 */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: 'SIGINT' | 'SIGTERM') => {
      // Safety: a stop signal ends the server within 2 s whatever it is doing:
      // calls still running after the deadline are cut off (each audit record
      // already written is durable; a record being written is repaired as torn).
      setTimeout(() => process.exit(128 + os.constants.signals[signal]), stopDeadlineMs).unref();
      resolve(`stopped by ${signal}`);
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
}
