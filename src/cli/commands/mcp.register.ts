import type { Registrar } from '../command-kit.js';
import type { McpFlags } from './mcp.js';

const load = () => import('./mcp.js');

export const registerMcp: Registrar = (program, { run, example }) => {
  example('mcp --demo', 'serve the guarded tools over MCP on stdio (Claude Desktop, IDE agents)');
  example('mcp --http --port 8765', 'serve over Streamable HTTP on 127.0.0.1, bearer token in mcp-token');
  program
    .command('mcp')
    .description(
      'serve the guarded Proxmox tools over MCP: stdio by default, Streamable HTTP with --http; same policy and audit as the TUI',
    )
    .option('--http', 'serve Streamable HTTP instead of stdio; prints {"url","tokenFile"} on one line')
    .option('--port <n>', 'HTTP port (default 0: a free one)')
    .option('--host <host>', 'HTTP address to bind (default 127.0.0.1; any other needs --tls-cert and --tls-key)')
    .option('--print-token', 'add the bearer token to the announce line')
    .option('--tls-cert <file>', 'serve HTTPS with this certificate (PEM)')
    .option('--tls-key <file>', 'the private key of --tls-cert (PEM)')
    .action(run(async (ctx, options: McpFlags) => (await load()).runMcp(ctx, options)));
};
