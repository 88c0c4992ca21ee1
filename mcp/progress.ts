import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';

type CallExtra = Pick<RequestHandlerExtra<ServerRequest, ServerNotification>, '_meta' | 'sendNotification'>;

/**
 * `notifications/progress` for a call whose client asked for them (it sent a
 * progressToken): one per progress message of the tool (task started, task
 * log lines), numbered upwards as the protocol requires.
 */
export function progressReporter(extra: CallExtra): ((message: string) => void) | undefined {
  const progressToken = extra._meta?.progressToken;
  if (progressToken === undefined) return undefined;
  let progress = 0;
  return (message) => {
    progress += 1;
    // Progress is advisory: a client that went away cannot hear it, and the call's outcome does not depend on it.
    extra
      .sendNotification({ method: 'notifications/progress', params: { progressToken, progress, message } })
      .catch(() => undefined);
  };
}
