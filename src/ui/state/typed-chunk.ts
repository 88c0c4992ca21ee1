import { sanitizeText } from '../text/sanitize.js';

export type ChunkStep =
  | { type: 'text'; text: string }
  | { type: 'enter' }
  | { type: 'tab' }
  | { type: 'backspace' }
  /** Ctrl and a letter, e.g. Ctrl-U as `u`. */
  | { type: 'ctrl'; letter: string };

/**
 * What one read from the terminal means. Over a slow link (SSH) or from tmux
 * send-keys, several keys arrive in one read, and Ink hands them over as one
 * string: "\u0015ls\t" is Ctrl-U, "ls", Tab. Every key in it acts, in order.
 * Inside a bracketed paste everything is text; outside one, a newline
 * anywhere but at the end means a paste from a terminal without bracketed
 * paste, also text.
 */
export function chunkSteps(chunk: string, pasting: boolean): ChunkStep[] {
  const body = chunk.replace(/\r\n?/g, '\n');
  if (pasting || body.slice(0, -1).includes('\n')) return text(body);
  const steps: ChunkStep[] = [];
  let run = '';
  for (const char of body) {
    const key = keyOf(char);
    if (key === null) {
      run += char;
      continue;
    }
    steps.push(...text(run), key);
    run = '';
  }
  steps.push(...text(run));
  return steps;
}

function keyOf(char: string): ChunkStep | null {
  if (char === '\n') return { type: 'enter' };
  if (char === '\t') return { type: 'tab' };
  if (char === '\u007f' || char === '\b') return { type: 'backspace' };
  const code = char.charCodeAt(0);
  if (code >= 1 && code <= 26) return { type: 'ctrl', letter: String.fromCharCode(code + 96) };
  return null;
}

function text(raw: string): ChunkStep[] {
  const clean = sanitizeText(raw);
  return clean === '' ? [] : [{ type: 'text', text: clean }];
}
