import type { Forwarder, ForwarderEvent } from '../../audit/forward/forwarder.js';
import type { AppConfig } from '../../config/schema.js';

type ForwardConfig = NonNullable<NonNullable<AppConfig['audit']>['forward']>;

/** The forwarder of this process, one per audit directory (design: every appending process runs one). */
let running: { dir: string; forwarder: Forwarder } | undefined;

/**
 * Starts this process's forwarder when `audit.forward.url` is set; later
 * sessions get the same one. Returns a nudge for the sink to call after
 * each append, or undefined when forwarding is off.
 */
export async function startAuditForwarding(
  auditDir: string,
  config: AppConfig,
  report?: (event: ForwarderEvent) => void,
): Promise<Forwarder | undefined> {
  const settings = config.audit?.forward;
  if (!settings?.url) return undefined;
  if (running?.dir === auditDir) return running.forwarder;
  await running?.forwarder.stop(0);
  const [{ startForwarder }, { syslogReceiver }] = await Promise.all([
    import('../../audit/forward/forwarder.js'),
    import('../../syslog/syslog-receiver.js'),
  ]);
  const forwarder = startForwarder({
    dir: auditDir,
    receiver: syslogReceiver(receiverOptions(settings.url, settings)),
    ...(report ? { report } : {}),
  });
  running = { dir: auditDir, forwarder };
  return forwarder;
}

/** Before the process ends: send what is left for a moment, close cleanly, save the position. */
export async function stopAuditForwarding(graceMs = 1_000): Promise<void> {
  const current = running;
  running = undefined;
  await current?.forwarder.stop(graceMs);
}

function receiverOptions(url: string, settings: ForwardConfig) {
  return {
    url,
    ...(settings.caFile ? { caFile: settings.caFile } : {}),
    ...(settings.fingerprint ? { fingerprint: settings.fingerprint } : {}),
    ...(settings.facility ? { facility: settings.facility } : {}),
    ...(settings.appName ? { appName: settings.appName } : {}),
  };
}
