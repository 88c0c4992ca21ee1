import { AppError } from '../../shared/errors.js';
import type { CommandContext } from '../io.js';
import { DelegatingApprover } from '../session/delegating-approver.js';
import { openCluster } from '../session/open-cluster.js';
import { openExternalServers } from '../session/external-servers.js';
import { openToolSession } from '../session/open-tool-session.js';
import { LiveTuiBackend } from '../session/tui-backend.js';

/**
 * The default command: the full-screen TUI over the cluster of the profile, or the demo.
 * The screen comes first: its first frame is drawn while the cluster, the simulator and
 * the model are still being reached, and fills in once they are.
 */
export async function tui(ctx: CommandContext): Promise<number> {
  const stdin = ctx.io.stdin as NodeJS.ReadStream;
  const stdout = ctx.io.stdout as NodeJS.WriteStream;
  // A terminal that cannot draw a screen gets the conversation as lines.
  const plain = ctx.globals.plain || ctx.io.env.TERM === 'dumb';
  if (!plain && (!stdin.isTTY || !stdout.isTTY)) {
    throw new AppError(
      'tui.no-terminal',
      'the full-screen TUI needs a terminal; use --plain for a line-mode conversation, or \'proxmox-ai ask "QUESTION"\' in scripts',
      2,
    );
  }
  const closers: Array<() => Promise<void>> = [];
  const open = async () => {
    const cluster = await openCluster(ctx);
    closers.push(() => cluster.close());
    const external = await openExternalServers(ctx, cluster.config, 'tui');
    closers.unshift(() => external.close());
    const approver = new DelegatingApprover();
    const tools = await openToolSession(ctx, cluster, { origin: 'agent', approver, extraTools: external.tools });
    return LiveTuiBackend.open(ctx, cluster, tools, approver);
  };
  let opening: Promise<LiveTuiBackend> | undefined;
  try {
    if (plain) {
      const backend = await (opening = open());
      const { plainConversation } = await import('../../ui/plain/plain-conversation.js');
      try {
        return await plainConversation(backend, { stdin, stdout });
      } finally {
        await backend.close();
      }
    }
    const { loadScreen, runTui } = await import('../../ui/run-tui.js');
    const { StartingBackend } = await import('../../ui/starting-backend.js');
    // The screen loads first (the session's own start-up work would hold the one thread it loads on);
    // the session then opens while the first frame is up.
    opening = loadScreen().then(open);
    const profile = ctx.globals.demo || ctx.globals.scenario !== undefined ? 'demo' : (ctx.globals.profile ?? '');
    return await runTui(new StartingBackend(opening, profile), { stdin, stdout, color: ctx.globals.color });
  } finally {
    await opening?.catch(() => undefined);
    for (const close of closers) await close();
  }
}
