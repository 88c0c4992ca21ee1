import type { Line } from './line.js';
import type { RowIndex } from './row-index.js';

export interface ViewportRow {
  line: Line;
  entryKey: string;
  /** Unique within the frame, stable while the row shows the same line. */
  rowKey: string;
}

export interface Viewport {
  rows: ViewportRow[];
  /** First visible row, in rows of the whole transcript. */
  top: number;
  total: number;
  /** The newest tool card with a visible row: Enter on an empty input toggles its details. */
  focusKey: string | null;
}

/**
 * The rows of the transcript that fit `height`, from `top` (null: follow the
 * end). Only these rows become Ink elements, so a frame costs the same at
 * 20 rows as at 20,000.
 */
export function computeViewport(index: RowIndex, height: number, top: number | null): Viewport {
  const total = index.total;
  const maxTop = Math.max(0, total - height);
  const first = top === null ? maxTop : Math.min(Math.max(0, top), maxTop);
  const rows: ViewportRow[] = [];
  let focusKey: string | null = null;
  for (let at = index.entryAt(first); at < index.count && rows.length < height; at++) {
    const entry = index.entry(at);
    const lines = index.lines(at);
    for (let row = Math.max(0, first - index.start(at)); row < lines.length && rows.length < height; row++)
      rows.push({ line: lines[row]!, entryKey: entry.key, rowKey: `${entry.key}:${row}` });
    if (entry.kind === 'tool') focusKey = entry.key;
  }
  return { rows, top: first, total, focusKey };
}

export type ScrollKey = 'page-up' | 'page-down' | 'home' | 'end';

/** The next `top` after a scroll key; null means following the end again. */
export function scrollTop(top: number | null, key: ScrollKey, total: number, height: number): number | null {
  if (total <= height) return null;
  const maxTop = total - height;
  const current = top === null ? maxTop : Math.min(top, maxTop);
  const page = Math.max(1, height - 1);
  const next = { 'page-up': current - page, 'page-down': current + page, home: 0, end: maxTop }[key];
  if (next >= maxTop) return null;
  return Math.max(0, next);
}
