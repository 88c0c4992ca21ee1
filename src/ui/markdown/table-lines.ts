import type { Tokens } from 'marked';
import type { Glyphs } from '../glyphs.js';
import { cellWidth } from '../text/cell-width.js';
import { wrapText } from '../text/wrap.js';
import { line, span, type Line, type Tone } from '../layout/line.js';
import { inlinePieces, piecesText } from './inline-pieces.js';

const narrowest = 6;

/**
 * A table that fits `width`: columns keep their natural width when they can;
 * otherwise the widest give up room and their cells wrap inside the column.
 * When not even that fits, each row becomes a small record ("Header: value").
 */
export function tableLines(table: Tokens.Table, width: number, glyphs: Glyphs): Line[] {
  const header = table.header.map((cell) => piecesText(inlinePieces(cell.tokens)));
  const rows = table.rows.map((row) => header.map((_, index) => piecesText(inlinePieces(row[index]?.tokens))));
  const separator = ` ${glyphs.column} `;
  const natural = header.map((title, index) =>
    Math.max(cellWidth(title), ...rows.map((row) => cellWidth(row[index]!)), 1),
  );
  const widths = fitColumns(natural, width - cellWidth(separator) * (header.length - 1));
  if (!widths) return recordLines(header, rows, width);
  const rule = widths.map((w) => glyphs.rule.repeat(w)).join(glyphs.rule.repeat(cellWidth(separator)));
  return [
    ...rowLines(header, widths, separator, 'heading'),
    line(span(rule, 'dim')),
    ...rows.flatMap((row) => rowLines(row, widths, separator, 'plain')),
  ];
}

/** Column widths that add up to at most `room`, or null when the columns cannot get even a few cells each. */
export function fitColumns(natural: readonly number[], room: number): number[] | null {
  if (natural.reduce((sum, w) => sum + w, 0) <= room) return [...natural];
  if (natural.reduce((sum, w) => sum + Math.min(w, narrowest), 0) > room) return null;
  const widths = natural.map((w) => Math.min(w, room));
  let excess = widths.reduce((sum, w) => sum + w, 0) - room;
  while (excess > 0) {
    // Take a cell from the widest column; ties go to the rightmost, usually the free text.
    let widest = 0;
    for (let index = 0; index < widths.length; index++) if (widths[index]! >= widths[widest]!) widest = index;
    widths[widest]!--;
    excess--;
  }
  return widths;
}

function rowLines(cells: readonly string[], widths: readonly number[], separator: string, tone: Tone): Line[] {
  const wrapped = cells.map((cell, index) => wrapText(cell, widths[index]!));
  const height = Math.max(1, ...wrapped.map((rows) => rows.length));
  const lines: Line[] = [];
  for (let row = 0; row < height; row++) {
    const segments = wrapped.flatMap((rows, index) => {
      const text = rows[row] ?? '';
      const last = index === wrapped.length - 1;
      const padded = last ? text : text + ' '.repeat(Math.max(0, widths[index]! - cellWidth(text)));
      return [span(padded, tone), ...(last ? [] : [span(separator, 'dim')])];
    });
    lines.push(line(...segments));
  }
  return lines;
}

function recordLines(header: readonly string[], rows: readonly string[][], width: number): Line[] {
  return rows.flatMap((row, index) => [
    ...(index > 0 ? [line()] : []),
    ...row.flatMap((cell, column) =>
      wrapText(`${header[column]}: ${cell}`, width).map((text, at) =>
        at === 0
          ? line(span(`${header[column]}:`, 'strong'), span(text.slice(header[column]!.length + 1)))
          : line(span(text)),
      ),
    ),
  ]);
}
