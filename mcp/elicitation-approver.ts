import { AsyncLocalStorage } from 'node:async_hooks';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { ErrorCode, McpError, type RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { Approver, ConfirmAnswer, ConfirmRequest } from '../src/core/approver.js';
import { noElicitationNote, typedNotTrustedNote } from './allow-rule-hint.js';
import { confirmForm, typedMatches } from './confirm-form.js';

export interface ElicitationApproverOptions {
  /** The connection's protocol server, which sends `elicitation/create`. */
  server: Pick<Server, 'elicitInput' | 'getClientCapabilities'>;
  client: string;
  /** `mcp.trustElicitation`: let the client answer typed confirmations too. */
  trustElicitation: boolean;
  /** How long a confirmation waits for the client's answer. */
  timeoutMs: number;
}

/**
 * Confirmation over MCP (docs/architecture.md, "An MCP call"): a plain ask becomes a form
 * elicitation on the request that made the call; accept runs it, anything
 * else (decline, cancel, no answer in time, an error) denies it.
 */
export class ElicitationApprover implements Approver {
  private readonly calls = new AsyncLocalStorage<RequestId>();

  constructor(private readonly options: ElicitationApproverOptions) {}

  /** Runs one `tools/call`; confirmations it needs are sent on that request's stream. */
  within<T>(requestId: RequestId, work: () => Promise<T>): Promise<T> {
    return this.calls.run(requestId, work);
  }

  async confirm(request: ConfirmRequest, signal: AbortSignal): Promise<ConfirmAnswer> {
    const { server, client, trustElicitation, timeoutMs } = this.options;
    // Safety: a client may answer an elicitation without asking anyone, so the
    // strongest confirmation is not left to it unless the user said so.
    if (request.confirm === 'typed' && !trustElicitation)
      return { approved: false, decidedBy: 'default', note: typedNotTrustedNote(request) };
    if (!server.getClientCapabilities()?.elicitation?.form)
      return { approved: false, decidedBy: 'default', note: noElicitationNote(request) };
    const requestId = this.calls.getStore();
    // Safety: a confirmation that belongs to no tools/call of this connection is never asked, so never granted.
    if (requestId === undefined)
      return { approved: false, decidedBy: 'default', note: 'no MCP request to ask for confirmation on' };
    const decidedBy = `mcp-client:${client}`;
    try {
      const answer = await server.elicitInput(confirmForm(request), {
        relatedRequestId: requestId,
        signal,
        timeout: timeoutMs,
      });
      if (answer.action !== 'accept')
        return { approved: false, decidedBy, note: `the client answered ${answer.action}` };
      if (request.confirm === 'typed' && !typedMatches(request, answer.content))
        return { approved: false, decidedBy, note: 'the confirmation text did not match' };
      return { approved: true, decidedBy };
    } catch (error) {
      if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
        return {
          approved: false,
          decidedBy,
          note: `no answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`,
        };
      }
      return {
        approved: false,
        decidedBy,
        note: `the confirmation did not complete: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
}
