import { cellWidth } from './cell-width.js';

/** Columns a person misses least when a tool's table is too wide, first to go first. */
const lowValue = ['TAGS', 'CONTENT', 'TYPE', 'CPU', 'UPTIME', 'ROOT', 'IOWAIT', 'LOAD', 'MEM', 'FREE'];
const header = /^[A-Z][A-Z0-9%]*(?: {2,}[A-Z][A-Z0-9%]*)+$/;

/**
 * A tool's text with its aligned tables (a header row of capitals, columns
 * two spaces apart) narrowed to `width`: low-value columns are dropped,
 * whole, until the rows fit, instead of every row wrapping in two.
 */
export function fitTextTables(text: string, width: number): string {
  const rows = text.split('\n');
  const out: string[] = [];
  for (let at = 0; at < rows.length; at++) {
    if (!header.test(rows[at]!)) {
      out.push(rows[at]!);
      continue;
    }
    let end = at + 1;
    while (end < rows.length && rows[end]!.trim() !== '' && !rows[end]!.startsWith('(')) end++;
    out.push(...fitTable(rows.slice(at, end), width));
    at = end - 1;
  }
  return out.join('\n');
}

function fitTable(rows: string[], width: number): string[] {
  if (Math.max(...rows.map(cellWidth)) <= width) return rows;
  const head = rows[0]!;
  const starts = [...head.matchAll(/[A-Z][A-Z0-9%]*/g)].map((match) => match.index);
  const names = [...head.matchAll(/[A-Z][A-Z0-9%]*/g)].map((match) => match[0]);
  const cells = rows.map((row) =>
    starts.map((start, index) => row.slice(start, starts[index + 1] ?? row.length).trim()),
  );
  let kept = names.map((_, index) => index);
  for (const name of lowValue) {
    const table = render(cells, kept);
    if (Math.max(...table.map(cellWidth)) <= width) return table;
    kept = kept.filter((index) => names[index] !== name);
  }
  return render(cells, kept);
}

function render(cells: string[][], kept: number[]): string[] {
  const widths = kept.map((column) => Math.max(...cells.map((row) => cellWidth(row[column] ?? ''))));
  return cells.map((row) =>
    kept
      .map((column, index) => {
        const value = row[column] ?? '';
        return index === kept.length - 1 ? value : value + ' '.repeat(widths[index]! - cellWidth(value));
      })
      .join('  '),
  );
}
