import { Scanner } from './recovery/scan.js';

/**
 * The markers model families put around their reasoning. Every family's
 * template here drops the reasoning of earlier turns from the prompt, so the
 * adapter keeps it out of the answer and out of the history alike
 * (docs/architecture.md, "The agent loop"). The fixtures in
 * test/fixtures/tool-call-forms/thinking.json give the source of each.
 */
export const thinkingMarkers: ReadonlyArray<readonly [open: string, close: string]> = [
  ['<think>', '</think>'],
  ['<thinking>', '</thinking>'],
  ['<seed:think>', '</seed:think>'],
  ['[THINK]', '[/THINK]'],
  ['◁think▷', '◁/think▷'],
  ['<|START_THINKING|>', '<|END_THINKING|>'],
  ['<|channel|>analysis<|message|>', '<|end|>'],
];

export interface Span {
  start: number;
  end: number;
}

/**
 * Where the text is reasoning: each marked block, to the end when it is not
 * closed; and everything before a closing marker that no opening one came
 * before (templates that open the block in the prompt).
 */
export function thinkingSpans(text: string): Span[] {
  if (!/[<[◁]/.test(text)) return [];
  const scanner = new Scanner(text);
  const spans: Span[] = [];
  let pos = 0;
  for (;;) {
    const next = firstMarker(scanner, pos);
    if (!next) return spans;
    if (next.kind === 'close') {
      if (pos === 0) spans.push({ start: 0, end: next.at + next.marker.length });
      pos = next.at + next.marker.length;
      continue;
    }
    const close = scanner.next(next.pair[1], next.at + next.marker.length);
    const end = close === -1 ? text.length : close + next.pair[1].length;
    spans.push({ start: next.at, end });
    pos = end;
  }
}

interface Marker {
  at: number;
  marker: string;
  kind: 'open' | 'close';
  pair: readonly [string, string];
}

/** The earliest opening or closing marker at or after `from`. */
export function firstMarker(scanner: Scanner, from: number): Marker | undefined {
  let best: Marker | undefined;
  for (const pair of thinkingMarkers) {
    for (const kind of ['open', 'close'] as const) {
      const marker = kind === 'open' ? pair[0] : pair[1];
      const at = scanner.next(marker, from);
      if (at !== -1 && (!best || at < best.at)) best = { at, marker, kind, pair };
    }
  }
  return best;
}
