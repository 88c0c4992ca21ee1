import { cellWidth, charWidth } from './cell-width.js';

/**
 * Breaks text (already sanitised) into rows of at most `width` cells: at
 * spaces where it can, inside words where it must. Newlines always break.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const rows: string[] = [];
  for (const paragraph of text.split('\n')) wrapParagraph(paragraph, limit, rows);
  return rows;
}

function wrapParagraph(paragraph: string, limit: number, rows: string[]): void {
  if (cellWidth(paragraph) <= limit) {
    rows.push(paragraph);
    return;
  }
  let row = '';
  let rowWidth = 0;
  for (const word of paragraph.split(/(?<= )/)) {
    const wordWidth = cellWidth(word);
    if (rowWidth + wordWidth <= limit) {
      row += word;
      rowWidth += wordWidth;
      continue;
    }
    if (row.trimEnd() !== '') rows.push(row.trimEnd());
    row = '';
    rowWidth = 0;
    for (const char of word) {
      const w = charWidth(char.codePointAt(0)!);
      if (rowWidth + w > limit) {
        rows.push(row);
        row = '';
        rowWidth = 0;
      }
      row += char;
      rowWidth += w;
    }
  }
  rows.push(row.trimEnd());
}

/** Cuts text to `width` cells, marking the cut with the ellipsis. */
export function truncateText(text: string, width: number, ellipsis: string): string {
  if (cellWidth(text) <= width) return text;
  const room = Math.max(0, width - cellWidth(ellipsis));
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char.codePointAt(0)!);
    if (used + w > room) break;
    out += char;
    used += w;
  }
  return out + ellipsis;
}
