import { AppError } from '../../shared/errors.js';
import type { CommandContext } from '../io.js';
import { DelegatingApprover } from '../session/delegating-approver.js';
import { openCluster } from '../session/open-cluster.js';
import { openExternalServers } from '../session/external-servers.js';
import { openToolSession } from '../session/open-tool-session.js';
import { LiveTuiBackend } from '../session/tui-backend.js';

/** The default command: the full-screen TUI over the cluster of the profile, or the demo. */
export async function tui(ctx: CommandContext): Promise<number> {
  const stdin = ctx.io.stdin as NodeJS.ReadStream;
  const stdout = ctx.io.stdout as NodeJS.WriteStream;
  if (!stdin.isTTY || !stdout.isTTY) {
    throw new AppError(
      'tui.no-terminal',
      'the full-screen TUI needs a terminal; use \'proxmox-ai ask "QUESTION"\' in scripts',
      2,
    );
  }
  const { preloadTui, runTui } = await import('../../ui/run-tui.js');
  // Ink, React and the screen load while the cluster, the simulator and the model start.
  const ui = preloadTui();
  const cluster = await openCluster(ctx);
  const external = await openExternalServers(ctx, cluster.config, 'tui');
  try {
    const approver = new DelegatingApprover();
    const tools = await openToolSession(ctx, cluster, { origin: 'agent', approver, extraTools: external.tools });
    const backend = await LiveTuiBackend.open(ctx, cluster, tools, approver);
    await ui;
    return await runTui(backend, { stdin, stdout, color: ctx.globals.color });
  } finally {
    await external.close();
    await cluster.close();
  }
}
