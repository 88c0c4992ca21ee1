import readline from 'node:readline';

/**
 * Lines from the terminal (or a pipe), one at a time, through one reader:
 * the prompt and a confirmation asked during a turn share it, so no line is
 * read twice or lost between them.
 */
export class LineReader {
  private readonly queued: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private ended = false;
  private readonly rl: readline.Interface;

  constructor(
    input: NodeJS.ReadableStream,
    private readonly output: NodeJS.WritableStream,
  ) {
    this.rl = readline.createInterface({ input, terminal: false });
    this.rl.on('line', (line) => this.deliver(line));
    this.rl.on('close', () => {
      this.ended = true;
      this.deliver(null);
    });
  }

  /** Writes the prompt and resolves with the next line, or null at the end of input. */
  next(prompt: string): Promise<string | null> {
    this.output.write(prompt);
    const line = this.queued.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  close(): void {
    this.rl.close();
  }

  private deliver(line: string | null): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting(line);
    else if (line !== null) this.queued.push(line);
  }
}
