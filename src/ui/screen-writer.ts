const csi = '\u001b[';
/** Synchronized output (DEC mode 2026): terminals that know it show the frame at once; others ignore it. */
const beginFrame = `${csi}?2026h`;
const endFrame = `${csi}?2026l`;

export interface Scheduler {
  (run: () => void, ms: number): () => void;
}

const timeoutScheduler: Scheduler = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * Paints Ink's frames on the alternate screen, rewriting only the rows that
 * changed, each at an absolute position, at most `maxFps` times a second.
 * Absolute positioning cannot drift: a resize or a stray write is repaired
 * by the next full paint (`invalidate`). Ink 6.8's own incremental mode
 * moves the cursor relative to where it believes the frame ends, and is one
 * row off when a frame ends with a newline, as every non-full-height one does.
 */
export class ScreenWriter {
  private painted: string[] = [];
  private last = '';
  private clear = false;
  private pending: string | null = null;
  private cancelTimer: (() => void) | null = null;
  private lastPaint = -Infinity;

  constructor(
    private readonly out: { write(text: string): unknown },
    private readonly options: { maxFps: number; now?: () => number; schedule?: Scheduler },
  ) {}

  /** Takes a frame; paints it now, or when the frame interval has passed (the newest frame wins). */
  paint(frame: string): void {
    this.pending = frame;
    if (this.cancelTimer) return;
    const wait = this.lastPaint + 1000 / this.options.maxFps - this.now();
    if (wait <= 0) return this.flush();
    this.cancelTimer = (this.options.schedule ?? timeoutScheduler)(() => {
      this.cancelTimer = null;
      this.flush();
    }, wait);
  }

  /** Paints the newest frame at once, if one is waiting. */
  flush(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (this.pending === null) return;
    this.last = this.pending;
    const rows = this.pending.split('\n');
    this.pending = null;
    this.lastPaint = this.now();
    let output = this.clear ? `${csi}H${csi}2J` : '';
    this.clear = false;
    const height = Math.max(rows.length, this.painted.length);
    for (let row = 0; row < height; row++) {
      const text = rows[row] ?? '';
      if (text !== this.painted[row]) output += `${csi}${row + 1};1H${csi}2K${text}`;
    }
    this.painted = rows;
    if (output !== '') this.out.write(beginFrame + output + endFrame);
  }

  /** Forgets what the screen shows (after a resize): the next paint clears it and draws every row. */
  invalidate(): void {
    this.painted = [];
    this.clear = true;
    this.paint(this.pending ?? this.last);
  }

  /** Stops the timer; nothing is painted after this. */
  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.pending = null;
  }

  private now(): number {
    return this.options.now ? this.options.now() : performance.now();
  }
}
