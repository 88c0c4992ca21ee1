import type { ToolOutcome } from '../../core/call-outcome.js';
import type { Target } from '../../core/tool.js';

/** Who started a run: the model (a question) or the user (a slash command). */
export type RunOrigin = 'agent' | 'tui';

export interface UserEntry {
  kind: 'user';
  key: string;
  text: string;
}

export interface AssistantEntry {
  kind: 'assistant';
  key: string;
  /** Markdown, as the model wrote it. */
  text: string;
  /** Still streaming: more text may come (a table still arriving is not drawn yet). */
  open: boolean;
}

export interface ToolEntry {
  kind: 'tool';
  key: string;
  run: number;
  callId: string;
  origin: RunOrigin;
  tool: string;
  args: Record<string, unknown>;
  /** The assistant text that preceded the call: the model's stated reason, never a fact. */
  reason: string;
  target?: Target;
  verdict?: 'allow' | 'ask' | 'deny';
  ruleId?: string;
  decidedBy?: string;
  progress?: string;
  outcome?: ToolOutcome;
  expanded: boolean;
}

export type NoticeTone = 'info' | 'warning' | 'error';

export interface NoticeEntry {
  kind: 'notice';
  key: string;
  tone: NoticeTone;
  text: string;
}

/** The answer of a local command (/help, /audit, /policy, /model): a title and plain lines. */
export interface OutputEntry {
  kind: 'output';
  key: string;
  title: string;
  lines: string[];
}

export type TranscriptEntry = UserEntry | AssistantEntry | ToolEntry | NoticeEntry | OutputEntry;
