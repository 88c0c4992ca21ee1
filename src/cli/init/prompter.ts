import { UsageError } from '../../shared/errors.js';
import { terminalText } from '../../shared/terminal-text.js';

/**
 * Questions on a terminal: a line with echo, or a secret without. One reader
 * of stdin for both, so no typed key is lost between two questions.
 */
export class Prompter {
  private buffer = '';
  private waiting: (() => void) | null = null;
  private ended = false;
  private readonly onData = (chunk: Buffer | string) => {
    this.buffer += chunk.toString();
    this.wake();
  };
  private readonly onEnd = () => {
    this.ended = true;
    this.wake();
  };

  constructor(
    private readonly stdin: NodeJS.ReadStream,
    private readonly out: NodeJS.WritableStream,
  ) {
    stdin.on('data', this.onData);
    stdin.on('end', this.onEnd);
  }

  /** A line, with `fallback` when the answer is empty. */
  async line(question: string, fallback?: string): Promise<string> {
    this.out.write(terminalText(fallback ? `${question} [${fallback}]: ` : `${question}: `));
    const answer = (await this.nextLine(false)).trim();
    return answer === '' && fallback !== undefined ? fallback : answer;
  }

  /** A secret: nothing is echoed; Backspace works; Ctrl-C cancels. */
  async hidden(question: string): Promise<string> {
    this.out.write(terminalText(`${question}: `));
    this.stdin.setRawMode?.(true);
    try {
      return await this.nextLine(true);
    } finally {
      this.stdin.setRawMode?.(false);
      this.out.write('\n');
    }
  }

  close(): void {
    this.stdin.off('data', this.onData);
    this.stdin.off('end', this.onEnd);
    this.stdin.pause();
  }

  private async nextLine(raw: boolean): Promise<string> {
    this.stdin.resume();
    let typed = '';
    for (;;) {
      while (this.buffer.length > 0) {
        const char = this.buffer[0]!;
        this.buffer = this.buffer.slice(1);
        if (char === '\r' || char === '\n') {
          if (raw || char === '\n') return typed;
          continue;
        }
        if (raw && char === '\u0003') throw new UsageError('init cancelled');
        if (raw && (char === '\u007f' || char === '\b')) typed = Array.from(typed).slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
      if (this.ended) throw new UsageError('init: stdin ended before the answer');
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }
}
