import type { TranscriptEntry } from '../state/entries.js';
import type { Line } from './line.js';
import type { LineCache } from './line-cache.js';

/**
 * Where each entry's rows start in the whole transcript. Updating after a
 * change recounts only from the first entry that is not the same object as
 * before (usually the last one); finding the entry at a row is a binary
 * search. Scrolling a 20,000-row transcript thus costs what scrolling 20 does.
 */
export class RowIndex {
  private entries: readonly TranscriptEntry[] = [];
  private ends: number[] = [];
  private width = -1;

  constructor(private readonly cache: LineCache) {}

  update(entries: readonly TranscriptEntry[], width: number): void {
    let from = 0;
    if (width === this.width) {
      const shared = Math.min(entries.length, this.entries.length);
      while (from < shared && entries[from] === this.entries[from]) from++;
    }
    this.ends.length = from;
    let total = from > 0 ? this.ends[from - 1]! : 0;
    for (let index = from; index < entries.length; index++) {
      total += this.cache.linesOf(entries[index]!, width).length;
      this.ends.push(total);
    }
    this.entries = entries;
    this.width = width;
  }

  get total(): number {
    return this.ends[this.ends.length - 1] ?? 0;
  }

  get count(): number {
    return this.entries.length;
  }

  entry(index: number): TranscriptEntry {
    return this.entries[index]!;
  }

  lines(index: number): Line[] {
    return this.cache.linesOf(this.entries[index]!, this.width);
  }

  /** The first row of entry `index`. */
  start(index: number): number {
    return index === 0 ? 0 : this.ends[index - 1]!;
  }

  /** The entry that holds transcript row `row`. */
  entryAt(row: number): number {
    let low = 0;
    let high = this.ends.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ends[mid]! > row) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
