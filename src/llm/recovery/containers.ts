import type { Span } from '../thinking.js';

/**
 * Markers that only group calls (`<tool_calls▁begin>`, `<function_calls>`,
 * `<tool_call>` around a `<function=...>`) or end a call turn. They hold no
 * call themselves; a recovered call takes the ones right around it along, so
 * they do not stay behind in the prose.
 */
const openers = [
  '<tool_call>',
  '<tool_calls>',
  '<function_calls>',
  '<minimax:tool_call>',
  '<seed:tool_call>',
  '<｜tool▁calls▁begin｜>',
  '<|tool▁calls▁begin|>',
  '<|tool_calls_section_begin|>',
  'Action:',
];
const closers = [
  '</tool_call>',
  '</tool_calls>',
  '</function_calls>',
  '</minimax:tool_call>',
  '</seed:tool_call>',
  '<｜tool▁calls▁end｜>',
  '<|tool▁calls▁end|>',
  '<|tool_calls_section_end|>',
  '<|eot_id|>',
  '<|eom_id|>',
  '<|call|>',
];

/** The span grown over the grouping markers right before and after it (whitespace between is allowed). */
export function widen(text: string, start: number, end: number): Span {
  let from = start;
  let to = end;
  for (let grown = true; grown;) {
    grown = false;
    const before = skipSpaceBack(text, from);
    const opener = openers.find((marker) => before >= marker.length && text.startsWith(marker, before - marker.length));
    if (opener) {
      from = before - opener.length;
      grown = true;
    }
    const after = skipSpace(text, to);
    const closer = closers.find((marker) => text.startsWith(marker, after));
    if (closer) {
      to = after + closer.length;
      grown = true;
    }
  }
  return { start: from, end: to };
}

function skipSpaceBack(text: string, pos: number): number {
  while (pos > 0 && /\s/.test(text[pos - 1]!)) pos--;
  return pos;
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  return pos;
}
