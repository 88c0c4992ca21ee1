import type { Glyphs } from '../glyphs.js';
import type { MarkdownView } from '../markdown/markdown-view.js';
import type { NoticeTone, TranscriptEntry } from '../state/entries.js';
import { blankLine, line, span, textLines, type Line } from './line.js';
import { toolCardLines } from './tool-card-lines.js';

const noticeMark: Record<NoticeTone, string> = { info: 'i', warning: '!', error: '!' };

const indent = span('  ');
const indented = (row: Line): Line => (row.segments.length === 0 ? row : { segments: [indent, ...row.segments] });

/** The rows of one transcript entry at a width. User turns and notices open with a blank row. */
export function entryLines(entry: TranscriptEntry, width: number, glyphs: Glyphs, markdown: MarkdownView): Line[] {
  switch (entry.kind) {
    case 'user':
      return [blankLine, ...textLines(entry.text, width, 'user', '  ', `${glyphs.user} `)];
    case 'assistant':
      return markdown.lines(entry.key, entry.text, entry.open, width - 2).map(indented);
    case 'tool':
      return toolCardLines(entry, width, glyphs);
    case 'notice':
      return [
        blankLine,
        ...textLines(entry.text, width, entry.tone === 'info' ? 'dim' : entry.tone, '  ', `${noticeMark[entry.tone]} `),
      ];
    case 'output':
      return [
        blankLine,
        line(span(entry.title, 'heading')),
        ...entry.lines.flatMap((text) => textLines(text, width, 'plain')),
      ];
  }
}
