import type { Glyphs } from '../glyphs.js';
import { boxed } from './boxed.js';
import { line, span, type Line } from './line.js';
import { textLines } from './text-lines.js';

/** The question at the step limit: continue, wrap up, or stop. */
export function stepLimitLines(width: number, glyphs: Glyphs): Line[] {
  const inner = Math.max(4, width - 4);
  const body = [
    ...textLines('The model has used all its tool rounds for this question (ai.maxSteps).', inner, 'plain', '', ''),
    line(
      span('[c]', 'ask'),
      span(' continue  '),
      span('[w]', 'ask'),
      span(' wrap up: answer with what it has  '),
      span('[s]', 'ask'),
      span(' stop'),
    ),
  ];
  return boxed('Step limit reached', body, width, glyphs, 'ask');
}
