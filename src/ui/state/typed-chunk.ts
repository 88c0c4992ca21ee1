import { sanitizeText } from '../text/sanitize.js';

export interface TypedChunk {
  /** Text for the input line; newlines kept. */
  insert: string;
  /** Whether the chunk ended with Enter. */
  submit: boolean;
}

/**
 * Text that arrived in one read. Inside a bracketed paste every newline is
 * text. Outside one, a chunk ending in its only newline is typing followed by
 * Enter (tmux send-keys, a fast typist); any other newline means a paste from
 * a terminal without bracketed paste, kept as text.
 */
export function typedChunk(chunk: string, pasting: boolean): TypedChunk {
  const text = sanitizeText(chunk);
  if (!pasting && text.endsWith('\n') && !text.slice(0, -1).includes('\n')) return { insert: text.slice(0, -1), submit: true };
  return { insert: text, submit: false };
}
