import type { ChatToolCall } from '../../core/chat-model.js';
import { pairBrackets } from './bracket-pairs.js';
import { callsFromValue, type ToolIndex } from './call-shape.js';
import { readLiteral } from './loose-literal.js';
import type { SpanSet } from './span-set.js';

export interface FoundCalls {
  start: number;
  end: number;
  calls: ChatToolCall[];
}

/**
 * JSON call objects or arrays in the open text (xLAM, Llama 3.1's JSON form,
 * models that drop their template's markers). Each literal is read once;
 * nested ones are not re-read. Only registered names count here.
 */
export function bareCalls(
  text: string,
  tools: ToolIndex,
  skip: SpanSet,
  accept: (start: number) => boolean,
): FoundCalls[] {
  if (!text.includes('{') && !text.includes('[')) return [];
  const closer = pairBrackets(text);
  const found: FoundCalls[] = [];
  let pos = 0;
  while (pos < text.length) {
    const skipTo = skip.endAt(pos);
    if (skipTo !== undefined) {
      pos = skipTo;
      continue;
    }
    const close = closer[pos]!;
    const read = close === -1 ? undefined : readLiteral(text, pos, close + 1);
    if (!read) {
      pos++;
      continue;
    }
    const calls = skip.overlaps(pos, read.end) ? undefined : callsFromValue(read.value, tools, 'known');
    if (calls && accept(pos)) found.push({ start: pos, end: read.end, calls });
    pos = read.end;
  }
  return found;
}
