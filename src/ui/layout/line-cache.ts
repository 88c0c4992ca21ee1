import type { Glyphs } from '../glyphs.js';
import type { TranscriptEntry } from '../state/entries.js';
import { MarkdownView } from '../markdown/markdown-view.js';
import { entryLines } from './entry-lines.js';
import type { Line } from './line.js';

/**
 * Rows per entry, kept until the entry changes (the reducer replaces only the
 * entries that change) or the width does. Streaming thus lays out only the
 * entry being streamed, whatever the length of the transcript.
 */
export class LineCache {
  private cache = new WeakMap<TranscriptEntry, Line[]>();
  private width = -1;
  private readonly markdown: MarkdownView;

  constructor(private readonly glyphs: Glyphs) {
    this.markdown = new MarkdownView(glyphs);
  }

  linesOf(entry: TranscriptEntry, width: number): Line[] {
    if (width !== this.width) {
      this.cache = new WeakMap();
      this.width = width;
    }
    let lines = this.cache.get(entry);
    if (!lines) {
      lines = entryLines(entry, width, this.glyphs, this.markdown);
      this.cache.set(entry, lines);
    }
    return lines;
  }
}
