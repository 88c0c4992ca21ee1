import type { Span } from '../thinking.js';
import { findFences, isCallFence } from './fences.js';
import { Scanner } from './scan.js';

/**
 * Stretches that quote rather than call, so nothing in them is recovered:
 * fences in a language no call is written in (a log, a shell session),
 * Markdown quotes, lines that start like a log line (a timestamp), and inline
 * code spans (docs/architecture.md, "The agent loop").
 */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  if (text.includes('```'))
    for (const fence of findFences(text)) if (!isCallFence(fence)) spans.push({ start: fence.start, end: fence.end });
  spans.push(...quotedLines(text), ...inlineCode(text));
  return spans.sort((a, b) => a.start - b.start);
}

const quoteLine = /[^\S\n]{0,3}>(?:[^\S\n]|\n|$)/y;
const logLine = /[^\S\n]*\[?(?:\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2})/y;

function* quotedLines(text: string): Generator<Span> {
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    quoteLine.lastIndex = start;
    logLine.lastIndex = start;
    if (quoteLine.test(text) || logLine.test(text)) yield { start, end };
    if (newline === -1) return;
    start = newline + 1;
  }
}

/** `` `...` `` within one line; runs of three or more backticks are fences, not code spans. */
function* inlineCode(text: string): Generator<Span> {
  if (!text.includes('`')) return;
  const scanner = new Scanner(text);
  let pos = 0;
  for (;;) {
    const open = nextSingleTick(text, scanner, pos);
    if (open === -1) return;
    const close = nextSingleTick(text, scanner, open + 1);
    if (close === -1) return;
    const newline = scanner.next('\n', open);
    if (newline !== -1 && newline < close) {
      pos = newline + 1;
      continue;
    }
    yield { start: open, end: close + 1 };
    pos = close + 1;
  }
}

function nextSingleTick(text: string, scanner: Scanner, from: number): number {
  let at = scanner.next('`', from);
  while (at !== -1) {
    let run = at;
    while (text[run] === '`') run++;
    if (run - at < 3 && text[at - 1] !== '`') return at;
    at = scanner.next('`', run);
  }
  return -1;
}
