import { EventEmitter } from 'node:events';

/**
 * The stdout Ink renders to: it has the terminal's size and passes each
 * frame to `onFrame`. Ink runs in debug mode on it, which writes whole
 * frames and nothing else; the screen writer decides what reaches the
 * terminal. Components see it through useStdout(), never the real stream.
 */
export class FrameSink extends EventEmitter {
  readonly isTTY = false;
  columns: number;
  rows: number;

  constructor(
    size: { columns: number; rows: number },
    private readonly onFrame: (frame: string) => void,
  ) {
    super();
    this.columns = size.columns;
    this.rows = size.rows;
  }

  write(frame: string): boolean {
    this.onFrame(frame);
    return true;
  }

  /** Takes the terminal's new size and tells Ink and the components. */
  resize(size: { columns: number; rows: number }): void {
    this.columns = size.columns;
    this.rows = size.rows;
    this.emit('resize');
  }
}
