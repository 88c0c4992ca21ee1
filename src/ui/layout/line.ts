import { sanitizeText } from '../text/sanitize.js';
import { wrapText } from '../text/wrap.js';
/** What a span of text means; the theme turns it into colour (or nothing without colour). */
export type Tone =
  | 'plain'
  | 'user'
  | 'dim'
  | 'tool'
  | 'ok'
  | 'failed'
  | 'denied'
  | 'warning'
  | 'error'
  | 'allow'
  | 'ask'
  | 'deny'
  | 'heading'
  | 'strong'
  | 'emphasis'
  | 'code'
  | 'link'
  | 'cursor';

export interface Segment {
  text: string;
  tone: Tone;
  /** Drawn as the current spinner frame instead of `text`. */
  spinner?: boolean;
}

/** One terminal row of the transcript, already wrapped to the width. */
export interface Line {
  segments: Segment[];
}

export const blankLine: Line = { segments: [] };

export function line(...segments: Array<Segment | false>): Line {
  return { segments: segments.filter((segment): segment is Segment => segment !== false) };
}

export const span = (text: string, tone: Tone = 'plain'): Segment => ({ text, tone });

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
