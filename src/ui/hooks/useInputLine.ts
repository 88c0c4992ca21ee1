import { useCallback, useRef, useState } from 'react';
import { editInput, emptyInput, type InputEdit, type InputLine } from '../state/input-line.js';

/**
 * The input line's state, also readable at once through `current()`: a chunk
 * such as "hello\r" inserts and submits in one key event, before React
 * re-renders. `history` gives the lines of earlier sessions, read once.
 */
export function useInputLine(history: () => readonly string[]): {
  input: InputLine;
  edit(edit: InputEdit): void;
  current(): InputLine;
} {
  const ref = useRef<InputLine | null>(null);
  ref.current ??= { ...emptyInput, history: history() };
  const [input, setInput] = useState<InputLine>(ref.current);
  const edit = useCallback((change: InputEdit) => {
    const next = editInput(ref.current!, change);
    ref.current = next;
    setInput(next);
  }, []);
  const current = useCallback(() => ref.current!, []);
  return { input, edit, current };
}
