import type { Glyphs } from '../glyphs.js';
import { cellWidth } from '../text/cell-width.js';
import { truncateText } from '../text/wrap.js';
import { line, span, type Line, type Tone } from './line.js';

/** Lines framed by a border `width` cells wide, with the title in the top edge. */
export function boxed(title: string, body: readonly Line[], width: number, glyphs: Glyphs, tone: Tone): Line[] {
  const { border } = glyphs;
  const inner = Math.max(4, width - 4);
  const label = truncateText(` ${title} `, inner, glyphs.ellipsis);
  const top = line(
    span(border.topLeft + border.horizontal, tone),
    span(label, 'heading'),
    span(border.horizontal.repeat(Math.max(0, width - 3 - cellWidth(label))) + border.topRight, tone),
  );
  const rows = body.map((row) => {
    const used = row.segments.reduce((sum, segment) => sum + cellWidth(segment.text), 0);
    return line(
      span(`${border.vertical} `, tone),
      ...row.segments,
      span(' '.repeat(Math.max(0, inner - used)) + ` ${border.vertical}`, tone),
    );
  });
  const bottom = line(
    span(border.bottomLeft + border.horizontal.repeat(Math.max(0, width - 2)) + border.bottomRight, tone),
  );
  return [top, ...rows, bottom];
}
