import type { Risk, Target } from './tool.js';

/** What a human (or the --approve flag, or an MCP client) is asked to confirm. */
export interface ConfirmRequest {
  tool: string;
  title: string;
  risk: Risk;
  args: Record<string, unknown>;
  target: Target;
  confirm: 'plain' | 'typed';
  /** The policy's reason, e.g. "rule prod-changes-typed: ...". */
  reason: string;
  ruleId: string;
  /** The preflight's preview: at most six lines of what the call will change and what is at risk. */
  preview?: readonly string[];
}

export interface ConfirmAnswer {
  approved: boolean;
  /** `human`, `approve-flag:<class>` or `mcp-client:<name>`. */
  decidedBy: string;
  /** A note from the user, passed back to the model on a denial. */
  note?: string;
  /** "Allow for this session": a grant for this tool and target (never for typed confirmation). */
  grantForSession?: boolean;
}

/** The port the TUI dialog, MCP elicitation and `ask --approve` implement. */
export interface Approver {
  confirm(request: ConfirmRequest, signal: AbortSignal): Promise<ConfirmAnswer>;
}
