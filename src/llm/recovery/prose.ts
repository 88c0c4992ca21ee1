import type { Span } from '../thinking.js';

/**
 * The text without the cut stretches. Where one is cut out, the two sides
 * meet with a newline when either side had one at the cut, else one space.
 */
export function proseAround(text: string, cuts: readonly Span[]): string {
  const pieces: string[] = [];
  let pos = 0;
  let newlineBefore = false;
  const add = (piece: string) => {
    const trimmed = piece.trim();
    if (trimmed === '') {
      newlineBefore ||= piece.includes('\n');
      return;
    }
    const leading = piece.slice(0, piece.length - piece.trimStart().length);
    if (pieces.length > 0) pieces.push(newlineBefore || leading.includes('\n') ? '\n' : ' ');
    pieces.push(trimmed);
    newlineBefore = piece.slice(piece.trimEnd().length).includes('\n');
  };
  for (const cut of [...cuts].sort((a, b) => a.start - b.start)) {
    if (cut.end <= pos) continue;
    add(text.slice(pos, Math.max(pos, cut.start)));
    pos = cut.end;
  }
  add(text.slice(pos));
  return pieces.join('');
}
