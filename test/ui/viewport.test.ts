import { describe, expect, it } from 'vitest';
import { unicodeGlyphs } from '../../src/ui/glyphs.js';
import { LineCache } from '../../src/ui/layout/line-cache.js';
import { RowIndex } from '../../src/ui/layout/row-index.js';
import { computeViewport, scrollTop } from '../../src/ui/layout/viewport.js';
import type { TranscriptEntry } from '../../src/ui/state/entries.js';

/** n assistant entries of one row each: "row 0" ... */
const rows = (n: number): TranscriptEntry[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'assistant', key: `e${i}`, text: `row ${i}`, open: false }));
const indexOf = (entries: TranscriptEntry[]) => {
  const index = new RowIndex(new LineCache(unicodeGlyphs));
  index.update(entries, 79);
  return index;
};
const texts = (entries: TranscriptEntry[], height: number, top: number | null) =>
  computeViewport(indexOf(entries), height, top).rows.map((row) =>
    row.line.segments
      .map((s) => s.text)
      .join('')
      .trim(),
  );
const card: TranscriptEntry = {
  kind: 'tool',
  key: 'card',
  run: 1,
  callId: 'c1',
  origin: 'agent',
  tool: 'list_vms',
  args: {},
  reason: '',
  expanded: false,
};

describe('computeViewport', () => {
  it('follows the end of a 20,000-row transcript with only the rows that fit', () => {
    expect(texts(rows(20_000), 3, null)).toEqual(['row 19997', 'row 19998', 'row 19999']);
  });

  it('starts at the given top row', () => {
    expect(texts(rows(20_000), 2, 100)).toEqual(['row 100', 'row 101']);
  });

  it('starts inside an entry of several rows', () => {
    expect(texts([card, ...rows(3)], 2, 1)).toEqual(['└ running', 'row 0']);
  });

  it('clamps a top past the end to the last page', () => {
    expect(texts(rows(10), 4, 50)).toEqual(['row 6', 'row 7', 'row 8', 'row 9']);
  });

  it('is empty for an empty transcript', () => {
    expect(computeViewport(indexOf([]), 5, null)).toEqual({ rows: [], top: 0, total: 0, focusKey: null });
  });

  it('names the newest visible tool card as the one Enter expands', () => {
    const index = indexOf([card, ...rows(10)]);
    expect(computeViewport(index, 3, null).focusKey).toBeNull();
    expect(computeViewport(index, 3, 0).focusKey).toBe('card');
  });
});

describe('RowIndex', () => {
  it('lays out again only from the first entry that changed', () => {
    const entries = rows(1000);
    const laidOut: TranscriptEntry[] = [];
    const cache = new LineCache(unicodeGlyphs);
    const counting = {
      linesOf: (entry: TranscriptEntry, width: number) => (laidOut.push(entry), cache.linesOf(entry, width)),
    } as LineCache;
    const index = new RowIndex(counting);
    index.update(entries, 79);
    laidOut.length = 0;
    index.update([...entries.slice(0, -1), { kind: 'assistant', key: 'e999', text: 'row 999\ngrew', open: false }], 79);
    expect(laidOut.map((entry) => entry.key)).toEqual(['e999']);
    expect(index.total).toBe(1001);
  });

  it('counts everything again when the width changes', () => {
    const index = indexOf([{ kind: 'assistant', key: 'e', text: 'word '.repeat(30), open: false }]);
    expect(index.total).toBe(2);
    index.update([{ kind: 'assistant', key: 'e', text: 'word '.repeat(30), open: false }], 40);
    expect(index.total).toBe(5);
  });

  it('finds the entry that holds a row', () => {
    const index = indexOf([card, ...rows(3)]);
    expect([0, 1, 2, 4].map((row) => index.entryAt(row))).toEqual([0, 0, 1, 3]);
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
