import type { Command } from 'commander';
import type { CommandKit, Registrar } from '../command-kit.js';
import type { McpFlags } from './mcp.js';

const load = () => import('./mcp.js');

export const registerMcp: Registrar = (program, { run, example }) => {
  example('mcp --demo', 'serve the guarded tools over MCP on stdio (Claude Desktop, IDE agents)');
  example('mcp --http --port 8765', 'serve over Streamable HTTP on 127.0.0.1, bearer token in mcp-token');
  example('mcp token add alice --expires 90', 'a bearer token for alice, printed once');
  const mcp = program
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
  registerTokens(mcp, run);
};

const tokens = () => import('./mcp-token.js');

function registerTokens(mcp: Command, run: CommandKit['run']): void {
  const token = mcp
    .command('token')
    .description('bearer tokens of mcp --http, one per person; the person is the actor in the audit trail and policy');
  token
    .command('add <name>')
    .description("create NAME's token and print it once, alone on one line; only a salted hash is kept")
    .option('--expires <days>', 'refuse the token after this many days')
    .option('--json', 'print {"name","token"}')
    .action(
      run(async (ctx, name: string, options: { expires?: string; json?: boolean }) =>
        (await tokens()).mcpTokenAdd(ctx, name, options),
      ),
    );
  token
    .command('list')
    .description('every token: name, created, last used, expiry')
    .option('--json', 'print JSON')
    .action(run(async (ctx, options: { json?: boolean }) => (await tokens()).mcpTokenList(ctx, options)));
  token
    .command('revoke <name>')
    .description("refuse NAME's token from now on (mcp-token: the single token of mcp-token)")
    .action(run(async (ctx, name: string) => (await tokens()).mcpTokenRevoke(ctx, name)));
}
