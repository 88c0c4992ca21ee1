import type { AgentEvent, StopReason } from '../../core/agent/events.js';
import { terminalSafe, terminalText } from '../../shared/terminal-text.js';
import type { NoticeTone, RunOrigin, ToolEntry, TranscriptEntry } from './entries.js';
import { initialUiState, type ActiveRun, type UiState } from './ui-state.js';

export type UiAction =
  | { type: 'user-turn'; text: string }
  | { type: 'run-started'; run: number; origin: RunOrigin }
  | { type: 'event'; run: number; event: AgentEvent }
  | { type: 'run-finished'; run: number }
  | { type: 'notice'; tone: NoticeTone; text: string }
  | { type: 'output'; title: string; lines: string[] }
  | { type: 'toggle-card'; key: string }
  | { type: 'clear' }
  | { type: 'batch'; actions: readonly UiAction[] };

/**
 * The transcript as a pure function of what happened: user turns, agent events, command output.
 * Every text enters the transcript through the terminal sanitizer, so no card or line can carry an escape code.
 */
export function uiReducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'user-turn':
      return append(state, (key) => ({ kind: 'user', key, text: terminalText(action.text) }));
    case 'run-started':
      return {
        ...state,
        active: {
          run: action.run,
          origin: action.origin,
          activity: action.origin === 'agent' ? 'thinking' : 'running',
          assistantKey: null,
          reason: '',
        },
      };
    case 'event':
      return applyEvent(state, action.run, terminalSafe(action.event));
    case 'run-finished':
      return state.active?.run === action.run ? { ...closeAnswer(state, state.active), active: null } : state;
    case 'notice':
      return append(state, (key) => ({ kind: 'notice', key, tone: action.tone, text: terminalText(action.text) }));
    case 'output':
      return append(state, (key) => ({
        kind: 'output',
        key,
        title: terminalText(action.title),
        lines: action.lines.map(terminalText),
      }));
    case 'toggle-card':
      return updateEntry(
        state,
        (entry) => entry.key === action.key && entry.kind === 'tool',
        (entry) => ({ ...(entry as ToolEntry), expanded: !(entry as ToolEntry).expanded }),
      );
    case 'clear':
      return { ...initialUiState, nextKey: state.nextKey, active: state.active };
    case 'batch':
      return action.actions.reduce(uiReducer, state);
  }
}

function applyEvent(state: UiState, run: number, event: AgentEvent): UiState {
  const active = state.active?.run === run ? state.active : null;
  switch (event.type) {
    case 'text':
      return active ? appendText(state, active, event.delta) : state;
    case 'tool-requested': {
      const origin = active?.origin ?? 'agent';
      const reason = active?.reason.trim() ?? '';
      const next = append(closeAnswer(state, active), (key) => ({
        kind: 'tool',
        key,
        run,
        callId: event.id,
        origin,
        tool: event.tool,
        args: event.args,
        reason,
        expanded: false,
      }));
      return active ? { ...next, active: { ...active, activity: event.tool, assistantKey: null, reason: '' } } : next;
    }
    case 'tool-decision':
      return updateCard(state, run, event.id, (card) => ({
        ...card,
        target: event.target,
        verdict: event.verdict,
        ruleId: event.ruleId,
        decidedBy: event.decidedBy,
      }));
    case 'tool-progress':
      return updateCard(state, run, event.id, (card) => ({ ...card, progress: event.message }));
    case 'tool-result': {
      const next = updateCard(state, run, event.id, (card) => ({ ...card, outcome: event.outcome }));
      return active && next.active
        ? { ...next, active: { ...next.active, activity: active.origin === 'agent' ? 'thinking' : 'running' } }
        : next;
    }
    case 'notice':
      return append(state, (key) => ({ kind: 'notice', key, tone: 'info', text: event.message }));
    case 'error':
      return append(state, (key) => ({ kind: 'notice', key, tone: 'error', text: event.message }));
    case 'done':
      return finishTurn(closeAnswer({ ...state, usage: event.usage }, active), active, event.stopReason, event.answer);
  }
}

const stopNotices: Partial<Record<StopReason, NoticeTone>> = {
  'max-steps': 'warning',
  loop: 'warning',
  'invalid-calls': 'warning',
  'context-full': 'warning',
  'reply-too-long': 'warning',
};

function finishTurn(state: UiState, active: ActiveRun | null, stopReason: StopReason, answer: string): UiState {
  if (stopReason === 'aborted')
    return append(state, (key) => ({ kind: 'notice', key, tone: 'warning', text: 'Turn aborted.' }));
  const tone = stopNotices[stopReason];
  if (tone) return append(state, (key) => ({ kind: 'notice', key, tone, text: answer }));
  if (stopReason === 'answered' && active && active.assistantKey === null && answer.trim() !== '') {
    return append(state, (key) => ({ kind: 'assistant', key, text: answer, open: false }));
  }
  return state;
}

function appendText(state: UiState, active: ActiveRun, delta: string): UiState {
  const last = state.entries[state.entries.length - 1];
  if (active.assistantKey !== null && last?.key === active.assistantKey && last.kind === 'assistant') {
    const entries = state.entries.slice(0, -1);
    entries.push({ ...last, text: last.text + delta, open: true });
    return { ...state, entries, active: { ...active, activity: 'answering', reason: active.reason + delta } };
  }
  const next = append(state, (key) => ({ kind: 'assistant', key, text: delta, open: true }));
  return {
    ...next,
    active: { ...active, activity: 'answering', assistantKey: `e${state.nextKey}`, reason: active.reason + delta },
  };
}

/** The answer being streamed is whole once a tool is called or the turn ends. */
function closeAnswer(state: UiState, active: ActiveRun | null): UiState {
  const key = active?.assistantKey;
  if (!key) return state;
  return updateEntry(
    state,
    (entry) => entry.key === key && entry.kind === 'assistant' && entry.open,
    (entry) => ({ ...entry, open: false }) as TranscriptEntry,
  );
}

function append(state: UiState, make: (key: string) => TranscriptEntry): UiState {
  return { ...state, entries: [...state.entries, make(`e${state.nextKey}`)], nextKey: state.nextKey + 1 };
}

function updateCard(state: UiState, run: number, callId: string, change: (card: ToolEntry) => ToolEntry): UiState {
  return updateEntry(
    state,
    (entry) => entry.kind === 'tool' && entry.run === run && entry.callId === callId,
    (entry) => change(entry as ToolEntry),
  );
}

/** Replaces the newest entry that matches; the others keep their identity (the line cache relies on it). */
function updateEntry(
  state: UiState,
  matches: (entry: TranscriptEntry) => boolean,
  change: (entry: TranscriptEntry) => TranscriptEntry,
): UiState {
  for (let index = state.entries.length - 1; index >= 0; index--) {
    const entry = state.entries[index]!;
    if (!matches(entry)) continue;
    const entries = state.entries.slice();
    entries[index] = change(entry);
    return { ...state, entries };
  }
  return state;
}
