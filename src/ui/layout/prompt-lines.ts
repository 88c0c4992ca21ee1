import type { Glyphs } from '../glyphs.js';
import type { InputLine } from '../state/input-line.js';
import { inputRows } from './input-rows.js';
import { line, span, type Line } from './line.js';

const maxInputRows = 4;

/** The input rows, or a hint in place of an empty input. */
export function promptLines(input: InputLine, width: number, glyphs: Glyphs, commandMode: boolean): Line[] {
  const prompt = `${glyphs.prompt} `;
  if (input.text !== '') return inputRows(input.text, input.cursor, width, maxInputRows, prompt);
  const hint = commandMode ? ' Command mode: /help lists the commands' : ' Ask about your cluster, or /help';
  return [line(span(prompt, 'user'), span(' ', 'cursor'), span(hint, 'dim'))];
}
