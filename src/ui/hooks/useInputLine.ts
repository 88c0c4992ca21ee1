import { useCallback, useRef, useState } from 'react';
import { editInput, emptyInput, type InputEdit, type InputLine } from '../state/input-line.js';

/**
 * The input line's state, also readable at once through `current()`: a chunk
 * such as "hello\r" inserts and submits in one key event, before React
 * re-renders.
 */
export function useInputLine(): { input: InputLine; edit(edit: InputEdit): void; current(): InputLine } {
  const ref = useRef<InputLine>(emptyInput);
  const [input, setInput] = useState<InputLine>(emptyInput);
  const edit = useCallback((change: InputEdit) => {
    ref.current = editInput(ref.current, change);
    setInput(ref.current);
  }, []);
  const current = useCallback(() => ref.current, []);
  return { input, edit, current };
}
