import { Lexer } from 'marked';
import type { Glyphs } from '../glyphs.js';
import { line, span, type Line } from '../layout/line.js';
import { blocksLines } from './block-lines.js';

interface StreamState {
  /** The text up to the last block boundary: finished blocks, laid out once. */
  stable: string;
  lines: Line[];
}

/** Streams whose finished blocks are remembered: the one streaming now and a few before it. */
const keptStreams = 4;

/**
 * Markdown of the model's answers as rows. While an answer streams, every
 * block that is finished (a blank line and the start of the next block have
 * arrived, outside a code fence) is lexed and laid out once; each new delta
 * lays out only the block still arriving. A table still arriving is not drawn
 * (its columns would change width with every row) but announced, then drawn
 * once it is whole.
 */
export class MarkdownView {
  private streams = new Map<string, StreamState>();
  private width = -1;

  constructor(private readonly glyphs: Glyphs) {}

  lines(key: string, text: string, open: boolean, width: number): Line[] {
    const state = this.update(key, text, width);
    const tail = text.slice(state.stable.length);
    if (tail.trim() === '') return state.lines;
    const tailLines =
      open && /^\s*\|/.test(tail)
        ? [line(span(`(a table is arriving${this.glyphs.ellipsis})`, 'dim'))]
        : this.render(tail, width);
    return joined(state.lines, tailLines);
  }

  /** Only the rows of the finished blocks: they never change as more text arrives. */
  finished(key: string, text: string, width: number): Line[] {
    return this.update(key, text, width).lines;
  }

  private update(key: string, text: string, width: number): StreamState {
    if (width !== this.width) {
      this.streams.clear();
      this.width = width;
    }
    let state = this.streams.get(key);
    if (!state || !text.startsWith(state.stable)) {
      state = { stable: '', lines: [] };
      this.remember(key, state);
    }
    const rest = text.slice(state.stable.length);
    const boundary = lastBoundary(rest);
    if (boundary > 0) {
      const finished = rest.slice(0, boundary);
      state.lines = joined(state.lines, this.render(finished, width));
      state.stable += finished;
    }
    return state;
  }

  private render(markdown: string, width: number): Line[] {
    return blocksLines(Lexer.lex(markdown, { gfm: true, breaks: true }), width, this.glyphs);
  }

  private remember(key: string, state: StreamState): void {
    this.streams.set(key, state);
    while (this.streams.size > keptStreams) this.streams.delete(this.streams.keys().next().value!);
  }
}

function joined(before: Line[], after: Line[]): Line[] {
  if (before.length === 0) return after;
  if (after.length === 0) return before;
  return [...before, line(), ...after];
}

const fence = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Where the last finished block ends: the start of a line that follows a
 * blank line, is not indented (an indented one may continue a list item) and
 * lies outside a code fence. 0 when no block is finished yet.
 */
export function lastBoundary(text: string): number {
  let boundary = 0;
  let inFence: string | null = null;
  let previousBlank = false;
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    if (end === -1) {
      // The last line is still arriving; it can start a block only once it is whole enough to see.
      if (inFence === null && previousBlank && /^\S/.test(text.slice(at))) boundary = at;
      break;
    }
    const row = text.slice(at, end);
    const marker = fence.exec(row)?.[1];
    if (inFence === null && previousBlank && /^\S/.test(row)) boundary = at;
    if (marker) {
      if (inFence === null) inFence = marker[0]!.repeat(3);
      else if (row.trim().startsWith(inFence)) inFence = null;
    }
    previousBlank = inFence === null && row.trim() === '';
    at = end + 1;
  }
  return boundary;
}
