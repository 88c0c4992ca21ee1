import type { TurnUsage } from '../../core/agent/events.js';
import type { RunOrigin, TranscriptEntry } from './entries.js';

/** The run in progress: a question to the model or a slash command's tool call. */
export interface ActiveRun {
  run: number;
  origin: RunOrigin;
  /** What the status line says: "thinking", then the tool running. */
  activity: string;
  /** The assistant entry that text deltas extend; null after a tool call. */
  assistantKey: string | null;
  /** Assistant text since the last tool call: the stated reason of the next call. */
  reason: string;
}

export interface UiState {
  entries: readonly TranscriptEntry[];
  nextKey: number;
  active: ActiveRun | null;
  usage: TurnUsage | null;
}

export const initialUiState: UiState = { entries: [], nextKey: 1, active: null, usage: null };
