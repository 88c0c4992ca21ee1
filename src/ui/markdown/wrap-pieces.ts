import { cellWidth, charWidth } from '../text/cell-width.js';
import { line, span, type Line, type Segment } from '../layout/line.js';
import { lineBreak, type Piece } from './inline-pieces.js';

interface Unit {
  text: string;
  tone: Piece['tone'];
  width: number;
  whole: boolean;
  /** Ends with a space: a row may break after it. */
  space: boolean;
}

/**
 * Pieces laid out in rows of at most `width` cells after the lead (the first
 * row's `first`, the others' `rest`, both the same width). Text breaks at
 * spaces; a code span is kept whole, on a row of its own when it does not fit
 * beside other words, and broken only when it is wider than a whole row.
 */
export function wrapPieces(pieces: readonly Piece[], width: number, first: Segment[], rest: Segment[]): Line[] {
  const room = Math.max(1, width - leadWidth(first));
  const rows: Segment[][] = [[]];
  let used = 0;
  const newRow = () => {
    trimEnd(rows[rows.length - 1]!);
    rows.push([]);
    used = 0;
  };
  for (const unit of units(pieces)) {
    if (unit.text === '\n') {
      newRow();
      continue;
    }
    if (used > 0 && used + unit.width - (unit.space ? 1 : 0) > room) newRow();
    if (unit.width - (unit.space ? 1 : 0) <= room) {
      rows[rows.length - 1]!.push(span(unit.text, unit.tone));
      used += unit.width;
      continue;
    }
    for (const [index, part] of breakWide(unit, room).entries()) {
      if (index > 0) newRow();
      rows[rows.length - 1]!.push(span(part, unit.tone));
      used = cellWidth(part);
    }
  }
  trimEnd(rows[rows.length - 1]!);
  return rows.map((segments, index) => line(...(index === 0 ? first : rest), ...merged(segments)));
}

/** Neighbours in the same tone become one segment: fewer elements for Ink to draw. */
function merged(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const last = out[out.length - 1];
    if (last && last.tone === segment.tone) out[out.length - 1] = span(last.text + segment.text, last.tone);
    else out.push(segment);
  }
  return out;
}

function units(pieces: readonly Piece[]): Unit[] {
  const out: Unit[] = [];
  for (const piece of pieces) {
    if (piece === lineBreak) {
      out.push({ text: '\n', tone: 'plain', width: 0, whole: false, space: false });
      continue;
    }
    const words = piece.whole ? [piece.text] : piece.text.split(/(?<= )/);
    for (const word of words)
      if (word !== '')
        out.push({
          text: word,
          tone: piece.tone,
          width: cellWidth(word),
          whole: piece.whole === true,
          space: word.endsWith(' '),
        });
  }
  return out;
}

/**
 * A unit wider than a row. A command is broken at its spaces with a trailing
 * ` \` so the rows still paste into a shell as one command; a word without
 * spaces is cut at the row's end.
 */
export function breakWide(unit: { text: string; whole: boolean }, room: number): string[] {
  if (unit.whole && unit.text.includes(' ') && room > 8) return breakCommand(unit.text, room);
  const parts: string[] = [];
  let part = '';
  let used = 0;
  for (const char of unit.text) {
    const w = charWidth(char.codePointAt(0)!);
    if (used + w > room && part !== '') {
      parts.push(part);
      part = '';
      used = 0;
    }
    part += char;
    used += w;
  }
  if (part !== '') parts.push(part);
  return parts;
}

function breakCommand(text: string, room: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of text.split(' ')) {
    const candidate = row === '' ? word : `${row} ${word}`;
    // Room for the " \" that continues the command on the next row.
    if (row !== '' && cellWidth(candidate) + 2 > room) {
      rows.push(`${row} \\`);
      row = `  ${word}`;
    } else row = candidate;
  }
  rows.push(row);
  return rows.flatMap((part) => (cellWidth(part) > room ? breakWide({ text: part, whole: false }, room) : [part]));
}

function leadWidth(segments: readonly Segment[]): number {
  return segments.reduce((sum, segment) => sum + cellWidth(segment.text), 0);
}

function trimEnd(segments: Segment[]): void {
  const last = segments[segments.length - 1];
  if (last && last.tone !== 'code') segments[segments.length - 1] = { ...last, text: last.text.trimEnd() };
}
