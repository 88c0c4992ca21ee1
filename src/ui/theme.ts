import type { Tone } from './layout/line.js';

export interface ToneStyle {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  italic?: boolean;
  underline?: boolean;
}

const coloured: Record<Tone, ToneStyle> = {
  plain: {},
  user: { color: 'cyan', bold: true },
  dim: { dimColor: true },
  tool: { color: 'blue', bold: true },
  ok: { color: 'green' },
  failed: { color: 'red' },
  denied: { color: 'yellow' },
  warning: { color: 'yellow' },
  error: { color: 'red', bold: true },
  allow: { color: 'green' },
  ask: { color: 'yellow', bold: true },
  deny: { color: 'red', bold: true },
  heading: { bold: true },
  strong: { bold: true },
  emphasis: { italic: true },
  code: { color: 'cyan' },
  link: { underline: true },
  cursor: { inverse: true },
};

/** Without colour (NO_COLOR, --no-color) meaning rests on words and glyphs; only weight remains. */
const plain: Record<Tone, ToneStyle> = {
  plain: {},
  user: { bold: true },
  dim: {},
  tool: { bold: true },
  ok: {},
  failed: { bold: true },
  denied: { bold: true },
  warning: { bold: true },
  error: { bold: true },
  allow: {},
  ask: { bold: true },
  deny: { bold: true },
  heading: { bold: true },
  strong: { bold: true },
  emphasis: { italic: true },
  code: {},
  link: { underline: true },
  cursor: { inverse: true },
};

export function toneStyle(tone: Tone, color: boolean): ToneStyle {
  return (color ? coloured : plain)[tone];
}
