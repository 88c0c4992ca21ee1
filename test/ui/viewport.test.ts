import { describe, expect, it } from 'vitest';
import { unicodeGlyphs } from '../../src/ui/glyphs.js';
import { LineCache } from '../../src/ui/layout/line-cache.js';
import { computeViewport, scrollTop } from '../../src/ui/layout/viewport.js';
import type { TranscriptEntry } from '../../src/ui/state/entries.js';

/** n assistant entries of one row each: "row 0" ... */
const rows = (n: number): TranscriptEntry[] => Array.from({ length: n }, (_, i) => ({ kind: 'assistant', key: `e${i}`, text: `row ${i}` }));
const texts = (entries: TranscriptEntry[], height: number, top: number | null) => {
  const cache = new LineCache(unicodeGlyphs);
  return computeViewport(entries, (entry) => cache.linesOf(entry, 79), height, top).rows.map((row) => row.line.segments.map((s) => s.text).join('').trim());
};

describe('computeViewport', () => {
  it('follows the end of a 20,000-row transcript with only the rows that fit', () => {
    expect(texts(rows(20_000), 3, null)).toEqual(['row 19997', 'row 19998', 'row 19999']);
  });

  it('starts at the given top row', () => {
    expect(texts(rows(20_000), 2, 100)).toEqual(['row 100', 'row 101']);
  });

  it('clamps a top past the end to the last page', () => {
    expect(texts(rows(10), 4, 50)).toEqual(['row 6', 'row 7', 'row 8', 'row 9']);
  });

  it('reuses the rows of unchanged entries when the last one grows', () => {
    const entries = rows(1000);
    const cache = new LineCache(unicodeGlyphs);
    computeViewport(entries, (entry) => cache.linesOf(entry, 79), 5, null);
    const first = cache.linesOf(entries[0]!, 79);
    const longer = [...entries.slice(0, -1), { kind: 'assistant' as const, key: 'e999', text: 'row 999 grows' }];
    computeViewport(longer, (entry) => cache.linesOf(entry, 79), 5, null);
    expect(cache.linesOf(longer[0]!, 79)).toBe(first);
  });

  it('names the newest visible tool card as the one Enter expands', () => {
    const entries: TranscriptEntry[] = [
      { kind: 'tool', key: 'card', run: 1, callId: 'c1', origin: 'agent', tool: 'list_vms', args: {}, reason: '', expanded: false },
      ...rows(10),
    ];
    const cache = new LineCache(unicodeGlyphs);
    expect(computeViewport(entries, (entry) => cache.linesOf(entry, 79), 3, null).focusKey).toBeNull();
    expect(computeViewport(entries, (entry) => cache.linesOf(entry, 79), 3, 0).focusKey).toBe('card');
  });
});

describe('scrollTop', () => {
  it('pages up by a screen less one row from the end', () => {
    expect(scrollTop(null, 'page-up', 100, 10)).toBe(81);
  });

  it('goes back to following the end when paging reaches it', () => {
    expect(scrollTop(81, 'page-down', 100, 10)).toBeNull();
    expect(scrollTop(0, 'end', 100, 10)).toBeNull();
  });

  it('jumps to the first row with Home and never above it', () => {
    expect(scrollTop(null, 'home', 100, 10)).toBe(0);
    expect(scrollTop(3, 'page-up', 100, 10)).toBe(0);
  });
});
