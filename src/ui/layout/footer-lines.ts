import type { Glyphs } from '../glyphs.js';
import { line, span, type Line, type Segment } from './line.js';

/** The rule with the status in it, the input rows, the key hints. */
export function footerLines(
  status: readonly Segment[],
  input: readonly Line[],
  hints: string,
  width: number,
  glyphs: Glyphs,
): Line[] {
  const lead = status.length > 0 ? [span(glyphs.rule.repeat(2) + ' ', 'dim'), ...status, span(' ', 'dim')] : [];
  const used = lead.reduce((sum, segment) => sum + segment.text.length, 0);
  const rule = line(...lead, span(glyphs.rule.repeat(Math.max(0, width - used)), 'dim'));
  return [rule, ...input, line(span(hints, 'dim'))];
}
