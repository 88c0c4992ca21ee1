import type { AgentEvent } from '../core/agent/events.js';
import type { StepLimitChoice, TurnResult } from '../core/agent/agent-session.js';
import type { Approver } from '../core/approver.js';
import type { ToolOutcome } from '../core/call-outcome.js';
import type { CompletionSources } from './commands/complete.js';

/** What the header shows; `cluster` is null in a profile without a cluster name, `model` null without a model. */
export interface HeaderInfo {
  profile: string;
  cluster: string | null;
  nodeCount: number;
  model: string | null;
  contextLength: number;
  policyMode: 'normal' | 'read-only';
  /** True while the session is still opening: the header says so instead of counts it does not have yet. */
  connecting?: boolean;
}

export interface TurnHandlers {
  emit(event: AgentEvent): void;
  onStepLimit(): Promise<StepLimitChoice>;
}

export interface PolicySummary {
  rules: Array<{ id: string; verdict: string; source: 'user' | 'default' }>;
  grants: Array<{ tool: string; target: string; seq: number }>;
}

export interface AuditLine {
  seq: number;
  ts: string;
  origin: string;
  tool: string | null;
  target: string;
  verdict: string | null;
  decidedBy: string | null;
  outcome: string | null;
}

/** The port the TUI renders against; src/cli implements it with the real scheduler, client, audit, policy and model. */
export interface TuiBackend {
  /** Settles once the session has opened (the first frame may come before); rejects when opening failed. */
  ready?: Promise<void>;
  header(): HeaderInfo;
  /** Non-null when the model is unavailable: the TUI opens in command mode with this one-line banner. */
  modelBanner(): string | null;
  /** Runs one agent turn (origin agent). Aborting the signal stops the stream and any pending tool; the scheduler audits it. */
  ask(question: string, handlers: TurnHandlers, signal: AbortSignal): Promise<TurnResult>;
  /**
   * A slash command's tool call through the same scheduler (origin tui); emits
   * tool-requested/decision/progress/result events. `fresh` skips the read
   * cache's answer (the live view).
   */
  callTool(
    tool: string,
    args: Record<string, unknown>,
    handlers: Pick<TurnHandlers, 'emit'>,
    signal: AbortSignal,
    options?: { fresh?: boolean },
  ): Promise<ToolOutcome>;
  /** The UI installs its confirmation dialog here once mounted; until then ask means deny. */
  setApprover(approver: Approver | null): void;
  /** Guests (id and name) and node names, for Tab completion and names in slash commands. */
  completions(): CompletionSources;
  auditTail(count: number): Promise<AuditLine[]>;
  /** The input lines of earlier sessions, oldest first (Up browses them). */
  inputHistory(): readonly string[];
  /** Remembers a submitted line across sessions, unless it looks like it holds a secret. */
  rememberInput(line: string): void;
  policySummary(): PolicySummary;
  /** /model NAME: switch model (may throw an AppError with a one-line message); returns the new header. */
  setModel(name: string): Promise<HeaderInfo>;
  /** /clear: start a new conversation (new history; same session id and audit). */
  clearConversation(): void;
  close(): Promise<void>;
}
