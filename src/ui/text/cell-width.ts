/**
 * Terminal cells a string takes: wide East Asian characters and emoji take
 * two, combining marks and zero-width characters none. An approximation of
 * wcwidth that is good for the text this UI shows.
 */
export function cellWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0)!);
  return width;
}

const zeroWidth = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const pictographic = /^\p{Extended_Pictographic}$/u;

export function charWidth(code: number): number {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
  if (code < 0x300) return 1;
  const char = String.fromCodePoint(code);
  if (zeroWidth.test(char)) return 0;
  if (isWide(code) || (code >= 0x1f000 && pictographic.test(char))) return 2;
  return 1;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
