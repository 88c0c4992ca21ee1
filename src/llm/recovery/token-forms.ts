import { readLiteral } from './loose-literal.js';
import { delimited } from './scan.js';
import type { Recognizer, Segment } from './segment.js';

/**
 * Special-token syntaxes that write a call as a name and JSON arguments
 * between markers. The fixtures in test/fixtures/tool-call-forms give the
 * family and source of each.
 */
export const tokenSegments: Recognizer = function* (text) {
  if (text.includes('[TOOL_CALLS]')) yield* mistralNamed(text);
  if (/tool[▁_]call[▁_]begin/.test(text)) yield* deepSeekCalls(text);
  if (text.includes('<|tool_call_begin|>')) yield* kimiCalls(text);
};

/** Mistral (v11 and later): `[TOOL_CALLS]name[ARGS]{...}`, with an optional `[CALL_ID]id`. */
function* mistralNamed(text: string): Generator<Segment> {
  for (const match of text.matchAll(
    /\[TOOL_CALLS\]\s*([A-Za-z_][\w.-]{0,100})\s*(?:\[CALL_ID\]\s*\w{1,64}\s*)?\[ARGS\]/g,
  )) {
    const bodyStart = match.index + match[0].length;
    const read = readLiteral(text, bodyStart);
    if (!read) continue;
    yield {
      start: match.index,
      end: read.end,
      dedicated: true,
      payload: { kind: 'named', name: match[1]!, args: text.slice(bodyStart, read.end) },
    };
  }
}

/**
 * DeepSeek V3 and R1: `<｜tool▁call▁begin｜>function<｜tool▁sep｜>name` and a
 * fenced JSON body; V3.1: `<｜tool▁call▁begin｜>name<｜tool▁sep｜>{...}`. The bars
 * are full-width in the tokenizer; some servers print them as ASCII.
 */
function* deepSeekCalls(text: string): Generator<Segment> {
  const closes = ['<｜tool▁call▁end｜>', '<|tool▁call▁end|>', '<|tool_call_end|>'];
  for (const found of delimited(text, /<[｜|]tool[▁_]call[▁_]begin[｜|]>/g, closes)) {
    const body = text.slice(found.bodyStart, found.bodyEnd);
    const sep = /<[｜|]tool[▁_]sep[｜|]>/.exec(body);
    if (!sep) continue;
    const before = body.slice(0, sep.index).trim();
    const after = body.slice(sep.index + sep[0].length);
    let name = before;
    let args = after;
    if (before === 'function') {
      const lineEnd = after.indexOf('\n');
      name = (lineEnd === -1 ? after : after.slice(0, lineEnd)).trim();
      args = lineEnd === -1 ? '' : after.slice(lineEnd + 1);
    }
    // Unclosed and without arguments, the marker is not a call yet.
    if (!/^[A-Za-z_][\w.-]*$/.test(name) || (!found.closed && args.trim() === '')) continue;
    yield { start: found.start, end: found.end, dedicated: true, payload: { kind: 'named', name, args } };
  }
}

/** Kimi K2: `<|tool_call_begin|>functions.name:0<|tool_call_argument_begin|>{...}<|tool_call_end|>`. */
function* kimiCalls(text: string): Generator<Segment> {
  for (const found of delimited(text, /<\|tool_call_begin\|>/g, ['<|tool_call_end|>'])) {
    const body = text.slice(found.bodyStart, found.bodyEnd);
    const marker = '<|tool_call_argument_begin|>';
    const split = body.indexOf(marker);
    if (split === -1) continue;
    const id = /^\s*(?:functions\.)?([A-Za-z_][\w.-]*?)(?::\d+)?\s*$/.exec(body.slice(0, split));
    if (!id) continue;
    yield {
      start: found.start,
      end: found.end,
      dedicated: true,
      payload: { kind: 'named', name: id[1]!, args: body.slice(split + marker.length) },
    };
  }
}
