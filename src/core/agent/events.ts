import type { ChatUsage } from '../chat-model.js';
import type { ToolOutcome } from '../call-outcome.js';
import type { Target } from '../tool.js';

export type StopReason =
  | 'answered'
  | 'max-steps'
  | 'call-limit'
  | 'loop'
  | 'invalid-calls'
  | 'context-full'
  | 'reply-too-long'
  | 'aborted'
  | 'error';

export interface TurnUsage {
  promptTokens: number;
  evalTokens: number;
  requests: number;
  totalMs: number;
  /** Estimated tokens of the conversation so far, against the context window (Ollama's counts leave out its cache). */
  contextUsed: number;
  contextLength: number;
}

/** What the agent loop reports as it goes (docs/architecture.md, "The agent loop"); the TUI and `ask --json` consume these. */
export type AgentEvent =
  | { type: 'text'; delta: string }
  | { type: 'tool-requested'; id: string; tool: string; args: Record<string, unknown> }
  | {
      type: 'tool-decision';
      id: string;
      verdict: 'allow' | 'ask' | 'deny';
      ruleId: string;
      decidedBy: string;
      target: Target;
    }
  | { type: 'tool-progress'; id: string; message: string }
  | { type: 'tool-result'; id: string; outcome: ToolOutcome }
  | { type: 'notice'; message: string }
  | { type: 'error'; message: string; code: string }
  | { type: 'done'; stopReason: StopReason; answer: string; usage: TurnUsage };

export function addUsage(total: TurnUsage, usage: ChatUsage): TurnUsage {
  return {
    ...total,
    promptTokens: total.promptTokens + usage.promptTokens,
    evalTokens: total.evalTokens + usage.evalTokens,
    requests: total.requests + 1,
    totalMs: total.totalMs + usage.totalMs,
  };
}
