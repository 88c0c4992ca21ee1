import { forwardStatus } from '../../audit/forward/forward-status.js';
import type { ForwarderEvent } from '../../audit/forward/forwarder.js';
import { ConfigStore } from '../../config/store.js';
import { ConfigError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';
import { printJson, printLine, type CommandContext } from '../io.js';
import { startAuditForwarding, stopAuditForwarding } from '../session/audit-forwarding.js';
import { untilSignal } from '../until-signal.js';

/**
 * `audit forward`: only the forwarder, in the foreground until SIGINT or
 * SIGTERM (e.g. as a service next to short-lived commands). It waits while
 * another process holds the forwarding lock and takes over when it ends.
 */
export async function auditForwardRun(
  ctx: CommandContext,
  stopped: () => Promise<string> = untilSignal,
): Promise<number> {
  const stop = stopped();
  const config = ConfigStore.open(ctx.paths).read();
  const url = receiverOf(config);
  const say = (line: string) => printLine(ctx.io.stderr, `proxmox-ai audit forward: ${line}`);
  let last = '';
  const report = (event: ForwarderEvent) => {
    const line = describeEvent(event);
    // Retries and waits repeat every second or so; one line per change is enough.
    if (line && line !== last) say(line);
    if (line) last = line;
  };
  say(`forwarding ${ctx.paths.auditDir} to ${url}`);
  // The forwarder never holds the process open (other commands end when their work is done); this one runs until stopped.
  const keepAlive = setInterval(() => undefined, 3_600_000);
  try {
    await startAuditForwarding(ctx.paths.auditDir, config, report);
    say(`${await stop}; sending what is left`);
    await stopAuditForwarding(2_000);
  } finally {
    clearInterval(keepAlive);
  }
  return ExitCode.ok;
}

/** `audit forward status`: the receiver, the last delivered seq, the lag and who forwards. */
export async function auditForwardStatus(ctx: CommandContext, options: { json?: boolean }): Promise<number> {
  const url = receiverOf(ConfigStore.open(ctx.paths).read());
  const status = await forwardStatus(ctx.paths.auditDir, url);
  if (options.json) {
    printJson(ctx.io.stdout, status);
    return ExitCode.ok;
  }
  const out = (label: string, value: string) => printLine(ctx.io.stdout, `${label.padEnd(10)} ${value}`);
  out('receiver:', status.receiver);
  out('delivered:', status.deliveredSeq === 0 ? 'nothing yet' : `seq ${status.deliveredSeq}`);
  out('trail:', `seq ${status.lastSeq}`);
  out(
    'lag:',
    `${status.lag} record${status.lag === 1 ? '' : 's'}${status.oldestWaiting ? `, oldest from ${status.oldestWaiting}` : ''}`,
  );
  out(
    'sender:',
    status.sender ? `pid ${status.sender.pid} on ${status.sender.host} since ${status.sender.since}` : 'none running',
  );
  if (status.lastError) out('error:', `${status.lastError.message} (${status.lastError.at})`);
  return ExitCode.ok;
}

function receiverOf(config: ReturnType<ConfigStore['read']>): string {
  const url = config.audit?.forward?.url;
  if (!url)
    throw new ConfigError(
      "audit forwarding is off: set a receiver first, e.g. 'proxmox-ai config set audit.forward.url tls://logs.example.net:6514'",
      'audit.forward-off',
    );
  return url;
}

function describeEvent(event: ForwarderEvent): string | undefined {
  switch (event.kind) {
    case 'waiting':
      return `waiting: ${event.reason}`;
    case 'connected':
      return `connected to ${event.receiver}, sending from seq ${event.fromSeq}`;
    case 'unreachable':
      return `${event.reason}; retrying`;
    case 'delivered':
      return undefined;
  }
}
