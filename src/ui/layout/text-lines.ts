import { sanitizeText } from '../text/sanitize.js';
import { wrapText } from '../text/wrap.js';
import { span, type Line, type Tone } from './line.js';

/** Outside text, sanitised and wrapped to `width` after an indent of `indent` cells. */
export function textLines(
  text: string,
  width: number,
  tone: Tone,
  indent = '  ',
  firstIndent = indent,
  firstTone: Tone = tone,
): Line[] {
  const rows = wrapText(sanitizeText(text), width - indent.length);
  return rows.map((row, index) => ({
    segments: index === 0 ? [span(firstIndent, firstTone), span(row, tone)] : [span(indent), span(row, tone)],
  }));
}
