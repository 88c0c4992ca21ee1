import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { McpConnection } from './server.js';

export interface StdioServing {
  /** Resolves when the client goes away: stdin ended or the transport closed. */
  disconnected: Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves one connection on stdin/stdout. stdout carries protocol messages and
 * nothing else; anything for a human goes to stderr.
 */
export async function serveStdio(
  connection: McpConnection,
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream },
): Promise<StdioServing> {
  const transport = new StdioServerTransport(io.stdin as NodeJS.ReadStream, io.stdout as NodeJS.WriteStream);
  const disconnected = new Promise<void>((resolve) => {
    io.stdin.once('end', () => resolve());
    connection.server.server.onclose = () => resolve();
  });
  await connection.server.connect(transport);
  return { disconnected, close: () => connection.server.close() };
}
