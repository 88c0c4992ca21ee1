import { sanitizeText } from '../text/sanitize.js';

export type ChunkStep = { type: 'text'; text: string } | { type: 'enter' } | { type: 'tab' } | { type: 'backspace' };

/**
 * What one read from the terminal means. Ink hands over plain characters as
 * one string, so "ls\t" or "hello\r" arrive together when typed fast or sent
 * by tmux send-keys: Tab, Enter and Backspace in them act as keys. Inside a
 * bracketed paste everything is text; outside one, a newline anywhere but at
 * the end means a paste from a terminal without bracketed paste, also text.
 */
export function chunkSteps(chunk: string, pasting: boolean): ChunkStep[] {
  const body = chunk.replace(/\r\n?/g, '\n');
  if (pasting || body.slice(0, -1).includes('\n')) return text(body);
  const steps: ChunkStep[] = [];
  let run = '';
  const flush = () => {
    steps.push(...text(run));
    run = '';
  };
  for (const char of body) {
    const key =
      char === '\n' ? 'enter' : char === '\t' ? 'tab' : char === '\u007f' || char === '\b' ? 'backspace' : null;
    if (key === null) {
      run += char;
      continue;
    }
    flush();
    steps.push({ type: key });
  }
  flush();
  return steps;
}

function text(raw: string): ChunkStep[] {
  const clean = sanitizeText(raw);
  return clean === '' ? [] : [{ type: 'text', text: clean }];
}
