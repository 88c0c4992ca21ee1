import { addPersonToken, listPersonTokens, revokePersonToken } from '../../../mcp/index.js';
import { UsageError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';
import { printJson, printLine, type CommandContext } from '../io.js';
import { tokenFiles } from './mcp.js';

/** `mcp token add NAME [--expires DAYS]`: the token alone on one stdout line (it is shown this once), or `{"name","token"}`. */
export async function mcpTokenAdd(
  ctx: CommandContext,
  name: string,
  options: { expires?: string; json?: boolean },
): Promise<number> {
  const expiresDays = options.expires === undefined ? undefined : wholeDays(options.expires);
  const token = await addPersonToken(tokenFiles(ctx), name, expiresDays === undefined ? {} : { expiresDays });
  if (options.json) printJson(ctx.io.stdout, { name, token });
  else printLine(ctx.io.stdout, token);
  printLine(
    ctx.io.stderr,
    `proxmox-ai: token for ${name} created${expiresDays ? `, valid ${expiresDays} days` : ''}; it is shown only now, so hand it over safely (send it as Authorization: Bearer <token>)`,
  );
  return ExitCode.ok;
}

/** `mcp token list`: name, created, last used, expiry; never a token. */
export async function mcpTokenList(ctx: CommandContext, options: { json?: boolean }): Promise<number> {
  const tokens = listPersonTokens(tokenFiles(ctx));
  if (options.json) {
    printJson(ctx.io.stdout, tokens);
    return ExitCode.ok;
  }
  if (tokens.length === 0) {
    printLine(ctx.io.stderr, "no MCP tokens; create one with 'proxmox-ai mcp token add NAME'");
    return ExitCode.ok;
  }
  const rows = tokens.map((token) => [
    token.name,
    token.created ?? '-',
    token.lastUsed ?? 'never',
    token.expires ?? 'never',
  ]);
  const header = ['NAME', 'CREATED', 'LAST USED', 'EXPIRES'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows])
    printLine(
      ctx.io.stdout,
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    );
  return ExitCode.ok;
}

/** `mcp token revoke NAME`: refused from the next request on, also on a session that is open. */
export async function mcpTokenRevoke(ctx: CommandContext, name: string): Promise<number> {
  await revokePersonToken(tokenFiles(ctx), name);
  printLine(ctx.io.stderr, `proxmox-ai: token ${name} revoked; running servers refuse it from its next request`);
  return ExitCode.ok;
}

function wholeDays(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--expires takes a number of days, such as 90, not '${text}'`);
  return Number(text);
}
