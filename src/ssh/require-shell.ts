import { ConfigError } from '../shared/errors.js';
import type { NodeShell } from '../core/ports/ssh.js';
import type { ToolContext } from '../core/tool.js';

/** The session's SSH adapter, or one line saying what to configure. */
export function requireNodeShell(ctx: ToolContext): NodeShell {
  if (!ctx.nodeShell) {
    throw new ConfigError(
      `SSH to nodes is not configured for profile ${ctx.profile}: set profiles.${ctx.profile}.ssh.user and profiles.${ctx.profile}.ssh.keyFile (or run an ssh-agent), and add each node's host key to known_hosts`,
      'ssh.not-configured',
    );
  }
  return ctx.nodeShell;
}
