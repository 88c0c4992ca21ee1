import { readLiteral } from './loose-literal.js';
import type { Recognizer, Segment } from './segment.js';

/**
 * Syntaxes that name the tool in a header or a line of its own and put the
 * arguments after it: gpt-oss's harmony channels, Functionary's recipients,
 * and the "Action / Action Input" lines of ReAct-style agent prompts. The
 * fixtures in test/fixtures/tool-call-forms give the family and source of each.
 */
export const lineSegments: Recognizer = function* (text) {
  if (text.includes('to=functions.')) yield* harmonyCalls(text);
  if (text.includes('<|recipient|>')) yield* headedCalls(text, recipientHeader);
  if (text.includes('>>>')) yield* headedCalls(text, arrowHeader);
  if (text.includes('Action')) yield* actionLines(text);
};

/** gpt-oss: `<|channel|>commentary to=functions.name <|constrain|>json<|message|>{...}<|call|>`. */
function* harmonyCalls(text: string): Generator<Segment> {
  const header =
    /(?:<\|start\|>assistant\s*)?(?:<\|channel\|>commentary\s*)?to=functions\.([A-Za-z_][\w.-]{0,100})[^\S\n]*(?:<\|channel\|>commentary[^\S\n]*)?(?:<\|constrain\|>[^\S\n]*json[^\S\n]*)?(?:json[^\S\n]*)?<\|message\|>/g;
  for (const match of text.matchAll(header)) {
    const argsStart = match.index + match[0].length;
    const read = readLiteral(text, argsStart);
    if (!read) continue;
    const end = text.startsWith('<|call|>', read.end) ? read.end + '<|call|>'.length : read.end;
    yield {
      start: match.index,
      end,
      dedicated: true,
      payload: { kind: 'named', name: match[1]!, args: text.slice(argsStart, read.end) },
    };
  }
}

/** Functionary v2: `<|from|>assistant\n<|recipient|>name\n<|content|>{...}`; the recipient `all` is plain text. */
const recipientHeader = /(?:<\|from\|>\s*assistant\s*)?<\|recipient\|>\s*([A-Za-z_][\w.-]{0,100})\s*<\|content\|>/g;

/** Functionary v3: `>>>name` at the start of a line, the JSON arguments after it; `>>>all` is plain text. */
const arrowHeader = /^>>>[^\S\n]*([A-Za-z_][\w.-]{0,100})[^\S\n]*\n?/gm;

/** Calls written as a header naming the tool (`all` means plain text) followed by the JSON arguments. */
function* headedCalls(text: string, header: RegExp): Generator<Segment> {
  for (const match of text.matchAll(header)) {
    if (match[1] === 'all') continue;
    const argsStart = match.index + match[0].length;
    const read = readLiteral(text, argsStart);
    if (!read) continue;
    yield {
      start: match.index,
      end: read.end,
      dedicated: true,
      payload: { kind: 'named', name: match[1]!, args: text.slice(argsStart, read.end) },
    };
  }
}

/**
 * ReAct: an `Action: name` line, then `Action Input:` and the arguments: a
 * JSON object, or one value for a tool with one required parameter. Only
 * registered names count, since the lines are ordinary words.
 */
function* actionLines(text: string): Generator<Segment> {
  const lines =
    /^[^\S\n]*(?:\*\*)?Action(?:\*\*)?:[^\S\n]*`?([A-Za-z_][\w.-]{0,100})`?[^\S\n]*\n[^\S\n]*(?:\*\*)?Action[ _]Input(?:\*\*)?:[^\S\n]*/gm;
  for (const match of text.matchAll(lines)) {
    const argsStart = match.index + match[0].length;
    const read = readLiteral(text, argsStart);
    const lineEnd = text.indexOf('\n', argsStart);
    const end = read?.end ?? (lineEnd === -1 ? text.length : lineEnd);
    yield {
      start: match.index,
      end,
      dedicated: false,
      payload: { kind: 'named', name: match[1]!, args: text.slice(argsStart, end) },
    };
  }
}
