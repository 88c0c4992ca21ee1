import { asciiGlyphs, unicodeGlyphs } from '../../ui/glyphs.js';
import { localeIsUtf8 } from '../../ui/locale.js';
import { MarkdownPrinter } from '../../ui/markdown/markdown-printer.js';
import { TerminalTextFilter } from '../../shared/terminal-text.js';
import type { CliIo } from '../io.js';

/** Where `ask` writes the model's words: `add` as they stream, `end` when one of its turns is over. */
export interface AnswerWriter {
  add(delta: string): void;
  end(): void;
}

/**
 * Markdown rendered block by block on a terminal; the model's own text,
 * unchanged, into a pipe or file (scripts read it as written). Either way a
 * turn after a tool call starts a new paragraph. Safety: both pass the
 * terminal sanitizer first, one filter for the whole stream (docs/architecture.md,
 * "Safety rules").
 */
export function answerWriter(io: CliIo, color: boolean): AnswerWriter {
  const stdout = io.stdout as NodeJS.WriteStream;
  const write = (text: string) => void stdout.write(text);
  const clean = new TerminalTextFilter();
  if (stdout.isTTY) {
    const glyphs = localeIsUtf8(io.env) ? unicodeGlyphs : asciiGlyphs;
    const printer = new MarkdownPrinter(write, Math.max(20, (stdout.columns || 80) - 1), color, glyphs);
    return { add: (delta) => printer.add(clean.write(delta)), end: () => printer.end() };
  }
  let tail = '';
  let ended = false;
  return {
    add(delta) {
      if (ended && tail !== '') write(tail.endsWith('\n\n') ? '' : tail.endsWith('\n') ? '\n' : '\n\n');
      ended = false;
      tail = (tail + delta).slice(-2);
      write(clean.write(delta));
    },
    end() {
      ended = true;
    },
  };
}
