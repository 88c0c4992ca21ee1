import { forwardStatus } from '../../audit/forward/forward-status.js';
import type { AppConfig } from '../../config/schema.js';
import { ok, warn, type CheckResult } from './check.js';

/** Records waiting longer than this mean forwarding is falling behind, not just between two sends. */
const behindAfterMs = 60_000;

/** With `audit.forward.url` set: is the receiver keeping up with the trail? */
export async function checkForwarding(
  config: AppConfig,
  auditDir: string,
  now: Date = new Date(),
): Promise<CheckResult | undefined> {
  const url = config.audit?.forward?.url;
  if (!url) return undefined;
  const status = await forwardStatus(auditDir, url);
  if (status.lag === 0) return ok('forward', `audit forwarding to ${url}: up to date (seq ${status.deliveredSeq})`);
  const waitingMs = status.oldestWaiting ? now.getTime() - Date.parse(status.oldestWaiting) : 0;
  if (waitingMs < behindAfterMs) return ok('forward', `audit forwarding to ${url}: ${status.lag} records on their way`);
  const why = status.lastError
    ? `last error: ${status.lastError.message}`
    : status.sender
      ? `sent by pid ${status.sender.pid}`
      : 'no proxmox-ai process is forwarding';
  return warn(
    'forward',
    `audit forwarding to ${url} is ${status.lag} records behind, the oldest waiting since ${status.oldestWaiting} (${why})`,
    status.sender
      ? `check that the receiver ${url} is up and reachable`
      : "run 'proxmox-ai audit forward' (e.g. as a service), or any command that writes the trail",
  );
}
