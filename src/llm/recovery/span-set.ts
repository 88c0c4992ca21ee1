import type { Span } from '../thinking.js';

/** Stretches of text, merged into disjoint sorted spans, for overlap questions in O(log n). */
export class SpanSet {
  private readonly spans: Span[] = [];

  constructor(spans: Iterable<Span>) {
    for (const span of [...spans].sort((a, b) => a.start - b.start)) {
      const last = this.spans.at(-1);
      if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
      else this.spans.push({ ...span });
    }
  }

  /** Does [start, end) share a character with any span? */
  overlaps(start: number, end: number): boolean {
    const span = this.spans[this.firstEndingAfter(start)];
    return span !== undefined && span.start < end;
  }

  /** The end of the span holding `pos`, or undefined when no span does. */
  endAt(pos: number): number | undefined {
    const span = this.spans[this.firstEndingAfter(pos)];
    return span && span.start <= pos ? span.end : undefined;
  }

  /** Index of the first span whose end is after `pos`. */
  private firstEndingAfter(pos: number): number {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.spans[mid]!.end <= pos) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
