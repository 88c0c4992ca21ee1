import { EventEmitter } from 'node:events';

/** A terminal's output side: records what is written, has a size, can be resized. */
export class FakeTtyOut extends EventEmitter {
  isTTY: boolean;
  columns = 80;
  rows = 24;
  output = '';

  constructor(options: { isTTY?: boolean } = {}) {
    super();
    this.isTTY = options.isTTY ?? true;
  }

  write(chunk: string): boolean {
    this.output += chunk;
    return true;
  }

  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** A terminal's input side in raw mode, as Ink reads it ('readable' then read()). */
export class FakeTtyIn extends EventEmitter {
  isTTY = true;
  raw = false;
  private queued: string[] = [];

  press(data: string): void {
    this.queued.push(data);
    this.emit('readable');
  }

  read(): string | null {
    return this.queued.shift() ?? null;
  }

  setRawMode(raw: boolean): this {
    this.raw = raw;
    return this;
  }

  setEncoding(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  resume(): this {
    return this;
  }

  pause(): this {
    return this;
  }
}
