import type { Token, Tokens } from 'marked';
import type { Glyphs } from '../glyphs.js';
import { line, span, type Line, type Segment } from '../layout/line.js';
import { sanitizeText } from '../text/sanitize.js';
import { cellWidth } from '../text/cell-width.js';
import { inlinePieces } from './inline-pieces.js';
import { tableLines } from './table-lines.js';
import { breakWide, wrapPieces } from './wrap-pieces.js';

/**
 * The rows of one block of markdown at `width`: headings and emphasis as
 * weight, lists with bullets, tables fitted to the width, code indented in
 * its own tone. No markdown marker (`**`, `##`, `|---|`, fences) is left.
 */
export function blockLines(token: Token, width: number, glyphs: Glyphs): Line[] {
  switch (token.type) {
    case 'heading':
      return wrapPieces(inlinePieces((token as Tokens.Heading).tokens, 'heading'), width, [], []);
    case 'paragraph':
      return wrapPieces(inlinePieces((token as Tokens.Paragraph).tokens), width, [], []);
    case 'text': {
      const text = token as Tokens.Text;
      return wrapPieces(inlinePieces(text.tokens ?? [text]), width, [], []);
    }
    case 'code':
      return codeLines((token as Tokens.Code).text, width);
    case 'list':
      return listLines(token as Tokens.List, width, glyphs);
    case 'blockquote': {
      const quote = token as Tokens.Blockquote;
      const lead = span(`${glyphs.border.vertical} `, 'dim');
      return blocksLines(quote.tokens, width - 2, glyphs).map((row) => line(lead, ...row.segments));
    }
    case 'table':
      return tableLines(token as Tokens.Table, width, glyphs);
    case 'hr':
      return [line(span(glyphs.rule.repeat(Math.max(1, Math.min(width, 40))), 'dim'))];
    case 'space':
    case 'def':
      return [];
    default:
      return 'text' in token && typeof token.text === 'string'
        ? wrapPieces([{ text: sanitizeText(token.text), tone: 'plain' }], width, [], [])
        : [];
  }
}

/** Blocks one after another, a blank row between two that show something. */
export function blocksLines(tokens: readonly Token[], width: number, glyphs: Glyphs, loose = true): Line[] {
  const out: Line[] = [];
  for (const token of tokens) {
    const rows = blockLines(token, width, glyphs);
    if (rows.length === 0) continue;
    if (out.length > 0 && loose) out.push(line());
    out.push(...rows);
  }
  return out;
}

/**
 * Code as it is written, indented two cells; never reflowed. A row longer
 * than the width is broken so that it still pastes as one command.
 */
function codeLines(code: string, width: number): Line[] {
  const room = Math.max(1, width - 2);
  return sanitizeText(code)
    .split('\n')
    .flatMap((row) => (cellWidth(row) <= room ? [row] : breakWide({ text: row, whole: true }, room)))
    .map((row) => line(span('  '), span(row, 'code')));
}

function listLines(list: Tokens.List, width: number, glyphs: Glyphs): Line[] {
  const start = typeof list.start === 'number' ? list.start : 1;
  const markers = list.items.map((item, index) => {
    if (item.task) return item.checked ? '[x] ' : '[ ] ';
    return list.ordered ? `${start + index}. ` : `${glyphs.bullet} `;
  });
  const markerWidth = Math.max(...markers.map((marker) => cellWidth(marker)));
  const out: Line[] = [];
  list.items.forEach((item, index) => {
    if (index > 0 && list.loose) out.push(line());
    const rows = blocksLines(item.tokens, width - markerWidth, glyphs, list.loose);
    const marker: Segment = span(markers[index]!.padEnd(markerWidth), 'dim');
    const pad: Segment = span(' '.repeat(markerWidth));
    rows.forEach((row, at) => out.push(line(at === 0 ? marker : pad, ...row.segments)));
    if (rows.length === 0) out.push(line(marker));
  });
  return out;
}
