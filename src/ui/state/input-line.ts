/** The footer's input: text (may hold newlines from a paste), cursor, and the history of submitted lines. */
export interface InputLine {
  text: string;
  /** Index into `text`, in UTF-16 units, always on a code point boundary. */
  cursor: number;
  history: readonly string[];
  /** Position while browsing history with Up/Down; null when editing the draft. */
  historyIndex: number | null;
  /** The text being edited before browsing history started. */
  draft: string;
}

export type InputEdit =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'line-start' }
  | { type: 'line-end' }
  | { type: 'kill-to-start' }
  | { type: 'kill-to-end' }
  | { type: 'kill-word' }
  | { type: 'history-previous' }
  | { type: 'history-next' }
  | { type: 'replace'; text: string }
  | { type: 'submitted' }
  /** Lines of earlier sessions that arrived after the screen opened: they go before this session's. */
  | { type: 'earlier-history'; lines: readonly string[] };

export const emptyInput: InputLine = { text: '', cursor: 0, history: [], historyIndex: null, draft: '' };

const maxHistory = 500;

export function editInput(state: InputLine, edit: InputEdit): InputLine {
  const { text, cursor } = state;
  switch (edit.type) {
    case 'insert':
      return withText(state, text.slice(0, cursor) + edit.text + text.slice(cursor), cursor + edit.text.length);
    case 'backspace': {
      const from = previousBoundary(text, cursor);
      return withText(state, text.slice(0, from) + text.slice(cursor), from);
    }
    case 'left':
      return { ...state, cursor: previousBoundary(text, cursor) };
    case 'right':
      return { ...state, cursor: nextBoundary(text, cursor) };
    case 'line-start':
      return { ...state, cursor: 0 };
    case 'line-end':
      return { ...state, cursor: text.length };
    case 'kill-to-start':
      return withText(state, text.slice(cursor), 0);
    case 'kill-to-end':
      return withText(state, text.slice(0, cursor), cursor);
    case 'kill-word': {
      const from = text.slice(0, cursor).replace(/\S+\s*$/, '').length;
      return withText(state, text.slice(0, from) + text.slice(cursor), from);
    }
    case 'history-previous':
      return browse(state, state.historyIndex === null ? state.history.length - 1 : state.historyIndex - 1);
    case 'history-next':
      return state.historyIndex === null ? state : browse(state, state.historyIndex + 1);
    case 'replace':
      return withText(state, edit.text, edit.text.length);
    case 'earlier-history': {
      // Already there when the session had opened before the screen read its history.
      const known = edit.lines.every((line, index) => state.history[index] === line);
      if (known) return state;
      return { ...state, history: [...edit.lines, ...state.history].slice(-maxHistory), historyIndex: null };
    }
    case 'submitted': {
      const line = text.trim();
      const history =
        line === '' || state.history[state.history.length - 1] === line
          ? state.history
          : [...state.history, line].slice(-maxHistory);
      return { ...emptyInput, history };
    }
  }
}

function withText(state: InputLine, text: string, cursor: number): InputLine {
  return { ...state, text, cursor, historyIndex: null };
}

function browse(state: InputLine, index: number): InputLine {
  if (index < 0 || state.history.length === 0) return state;
  const draft = state.historyIndex === null ? state.text : state.draft;
  if (index >= state.history.length)
    return { ...state, text: draft, cursor: draft.length, historyIndex: null, draft: '' };
  const text = state.history[index]!;
  return { ...state, text, cursor: text.length, historyIndex: index, draft };
}

function previousBoundary(text: string, cursor: number): number {
  if (cursor <= 0) return 0;
  const low = text.charCodeAt(cursor - 1);
  return low >= 0xdc00 && low <= 0xdfff && cursor >= 2 ? cursor - 2 : cursor - 1;
}

function nextBoundary(text: string, cursor: number): number {
  if (cursor >= text.length) return text.length;
  const high = text.charCodeAt(cursor);
  return high >= 0xd800 && high <= 0xdbff && cursor + 2 <= text.length ? cursor + 2 : cursor + 1;
}
