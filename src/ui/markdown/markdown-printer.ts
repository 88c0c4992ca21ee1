import { styleText } from 'node:util';
import type { Glyphs } from '../glyphs.js';
import type { Line } from '../layout/line.js';
import { toneStyle } from '../theme.js';
import { MarkdownView } from './markdown-view.js';

type Format = Extract<Parameters<typeof styleText>[0], string>;

/**
 * Markdown for a terminal without the full screen (`ask` on a TTY): each
 * block is printed once it is finished, styled, and never rewritten; what
 * is left is printed when the model's turn ends. Turns are kept apart by a
 * blank line.
 */
export class MarkdownPrinter {
  private readonly view: MarkdownView;
  private text = '';
  private printed = 0;
  private turns = 0;
  private ended = true;

  constructor(
    private readonly write: (text: string) => void,
    private readonly width: number,
    private readonly color: boolean,
    glyphs: Glyphs,
  ) {
    this.view = new MarkdownView(glyphs);
  }

  add(delta: string): void {
    if (this.ended) {
      if (this.turns > 0) this.write('\n');
      this.turns++;
      this.ended = false;
      this.text = '';
      this.printed = 0;
    }
    this.text += delta;
    this.print(this.view.finished(this.key(), this.text, this.width));
  }

  /** The model's turn is over (a tool call or the answer's end): print the rest. */
  end(): void {
    if (this.ended) return;
    this.print(this.view.lines(this.key(), this.text, false, this.width));
    this.ended = true;
  }

  private key(): string {
    return `turn${this.turns}`;
  }

  private print(lines: readonly Line[]): void {
    for (const row of lines.slice(this.printed)) this.write(`${this.styled(row)}\n`);
    this.printed = Math.max(this.printed, lines.length);
  }

  private styled(row: Line): string {
    return row.segments
      .map((segment) => {
        const style = toneStyle(segment.tone, this.color);
        const formats: Format[] = [];
        if (style.bold) formats.push('bold');
        if (style.italic) formats.push('italic');
        if (style.underline) formats.push('underline');
        if (style.dimColor) formats.push('dim');
        if (style.color) formats.push(style.color as Format);
        return formats.length === 0 ? segment.text : styleText(formats, segment.text, { validateStream: false });
      })
      .join('');
  }
}
