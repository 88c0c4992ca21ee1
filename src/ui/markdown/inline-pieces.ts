import type { Token, Tokens } from 'marked';
import { sanitizeText } from '../text/sanitize.js';
import type { Tone } from '../layout/line.js';

/** A run of inline text in one tone. `whole` marks a code span: never broken where it could be kept whole. */
export interface Piece {
  text: string;
  tone: Tone;
  whole?: boolean;
}

/** A hard line break inside a paragraph. */
export const lineBreak: Piece = { text: '\n', tone: 'plain' };

/** The inline tokens of a paragraph, heading or cell as pieces; every text sanitised (it is the model's). */
export function inlinePieces(tokens: readonly Token[] | undefined, tone: Tone = 'plain'): Piece[] {
  const pieces: Piece[] = [];
  for (const token of tokens ?? []) pieces.push(...piecesOf(token, tone));
  return pieces;
}

function piecesOf(token: Token, tone: Tone): Piece[] {
  switch (token.type) {
    case 'strong':
      return inlinePieces((token as Tokens.Strong).tokens, tone === 'heading' ? tone : 'strong');
    case 'em':
      return inlinePieces((token as Tokens.Em).tokens, tone === 'plain' ? 'emphasis' : tone);
    case 'del':
      return inlinePieces((token as Tokens.Del).tokens, tone);
    case 'codespan':
      return [{ text: clean((token as Tokens.Codespan).text), tone: 'code', whole: true }];
    case 'br':
      return [lineBreak];
    case 'link': {
      const link = token as Tokens.Link;
      const label = inlinePieces(link.tokens, 'link');
      const href = clean(link.href);
      const shown = label.map((piece) => piece.text).join('');
      return href === '' || href === shown || `mailto:${shown}` === href
        ? label
        : [...label, { text: ` (${href})`, tone: 'dim' }];
    }
    case 'image':
      return [{ text: `[image: ${clean((token as Tokens.Image).text)}]`, tone: 'dim' }];
    case 'text': {
      const text = token as Tokens.Text;
      if (text.tokens && text.tokens.length > 0) return inlinePieces(text.tokens, tone);
      return textPieces(text.text, tone);
    }
    default:
      return 'text' in token && typeof token.text === 'string' ? textPieces(token.text, tone) : [];
  }
}

/** Newlines in text become hard breaks (the model means them as such). */
function textPieces(text: string, tone: Tone): Piece[] {
  const parts = clean(text).split('\n');
  return parts.flatMap((part, index) => [
    ...(index > 0 ? [lineBreak] : []),
    ...(part === '' ? [] : [{ text: part, tone }]),
  ]);
}

function clean(text: string): string {
  return sanitizeText(text);
}

/** The plain text of inline tokens, for table cells and widths. */
export function piecesText(pieces: readonly Piece[]): string {
  return pieces.map((piece) => (piece === lineBreak ? ' ' : piece.text)).join('');
}
