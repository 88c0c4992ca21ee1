import { sanitizeText } from '../text/sanitize.js';
import { charWidth } from '../text/cell-width.js';
import { line, span, type Line } from './line.js';

/**
 * The input as rows of at most `width` cells, broken at any character so the
 * cursor's place is exact; the rows around the cursor, at most `maxRows`.
 */
export function inputRows(text: string, cursor: number, width: number, maxRows: number, prompt: string): Line[] {
  const room = Math.max(1, width - prompt.length);
  const rows: Array<{ cells: string[]; cursorAt: number | null }> = [{ cells: [], cursorAt: null }];
  let used = 0;
  let index = 0;
  const place = () => {
    if (index === cursor) rows[rows.length - 1]!.cursorAt = rows[rows.length - 1]!.cells.length;
  };
  for (const char of text) {
    place();
    if (char === '\n') {
      rows.push({ cells: [], cursorAt: null });
      used = 0;
    } else {
      const shown = sanitizeText(char) || '?';
      const w = charWidth(shown.codePointAt(0)!);
      if (used + w > room - 1) {
        rows.push({ cells: [], cursorAt: null });
        used = 0;
      }
      rows[rows.length - 1]!.cells.push(shown);
      used += w;
    }
    index += char.length;
  }
  place();
  const cursorRow = Math.max(
    0,
    rows.findIndex((row) => row.cursorAt !== null),
  );
  const start = Math.max(0, Math.min(cursorRow - maxRows + 1, rows.length - maxRows));
  return rows.slice(start, start + maxRows).map((row, offset) => {
    const lead = span(start + offset === 0 ? prompt : ' '.repeat(prompt.length), 'user');
    if (row.cursorAt === null) return line(lead, span(row.cells.join('')));
    const before = row.cells.slice(0, row.cursorAt).join('');
    const at = row.cells[row.cursorAt] ?? ' ';
    const after = row.cells.slice(row.cursorAt + 1).join('');
    return line(lead, span(before), span(at, 'cursor'), span(after));
  });
}
