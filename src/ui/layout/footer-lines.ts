import type { Glyphs } from '../glyphs.js';
import type { InputLine } from '../state/input-line.js';
import { inputRows } from './input-rows.js';
import { line, span, type Line, type Segment } from './line.js';

/**
 * The footer under the transcript: the rule with the status in it, the input
 * rows (or a hint in place of an empty input), the key hints.
 */

const maxInputRows = 4;

/** The input rows, or a hint in place of an empty input. */
export function promptLines(input: InputLine, width: number, glyphs: Glyphs, commandMode: boolean): Line[] {
  const prompt = `${glyphs.prompt} `;
  if (input.text !== '') return inputRows(input.text, input.cursor, width, maxInputRows, prompt);
  const hint = commandMode ? ' Command mode: /help lists the commands' : ' Ask about your cluster, or /help';
  return [line(span(prompt, 'user'), span(' ', 'cursor'), span(hint, 'dim'))];
}

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
