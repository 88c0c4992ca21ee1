import type { Target } from './tool.js';

export type CallStatus = 'ok' | 'failed' | 'denied' | 'timeout' | 'aborted' | 'invalid' | 'cached';

/** What the caller (agent loop, MCP server, CLI) gets back from the scheduler. */
export interface ToolOutcome {
  tool: string;
  status: CallStatus;
  /** Text for the model or the user, already redacted. A denial names the rule or the human decision. */
  text: string;
  summary: string;
  structured?: Record<string, unknown>;
  args?: Record<string, unknown>;
  target?: Target;
  verdict?: 'allow' | 'ask' | 'deny';
  ruleId?: string;
  decidedBy?: string;
  /** seq of the audit record of the call. */
  callSeq: number;
}

/** Statuses a model should treat as an error it can correct (or accept). */
export function isToolError(outcome: ToolOutcome): boolean {
  return outcome.status !== 'ok' && outcome.status !== 'cached';
}
