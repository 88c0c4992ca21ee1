import type { ChatToolCall, ChatToolSpec } from '../core/chat-model.js';
import { findSegments, type Segment } from './recovery/call-segments.js';
import { callFromPython, callsFromValue, type ToolIndex } from './recovery/call-shape.js';
import { parseLiteral, readLiteral } from './recovery/loose-literal.js';
import { parsePythonCalls } from './recovery/python-call.js';

export { coerceArguments } from './recovery/coerce-arguments.js';

export interface RecoveredCalls {
  calls: ChatToolCall[];
  /** The text without the recovered calls and their wrappers. */
  prose: string;
}

interface Found {
  start: number;
  end: number;
  calls: ChatToolCall[];
}

/**
 * Tool calls a model wrote as text instead of using the tool-call channel,
 * in the forms small models' chat templates produce: `<tool_call>` tags,
 * `<|python_tag|>`, `[TOOL_CALLS]`, code fences (`tool_code` ones may hold
 * Python-style calls), and bare JSON call objects or arrays inside prose.
 * Only calls of the given tools count; anything else stays prose. Arguments
 * are coerced to the types the tool's schema asks for ("101" -> 101).
 */
export function recoverToolCalls(text: string, tools: readonly ChatToolSpec[]): RecoveredCalls {
  const index: ToolIndex = new Map(tools.map((tool) => [tool.name, tool]));
  if (!tools.some((tool) => text.includes(tool.name))) return { calls: [], prose: text };
  const found: Found[] = [];
  for (const segment of findSegments(text)) {
    if (found.some((taken) => segment.start < taken.end && taken.start < segment.end)) continue;
    const calls = callsInSegment(segment, index);
    if (calls) found.push({ start: segment.start, end: segment.end, calls });
  }
  found.push(...bareCalls(text, index, found));
  found.sort((a, b) => a.start - b.start);
  return { calls: found.flatMap((entry) => entry.calls), prose: proseAround(text, found) };
}

function callsInSegment(segment: Segment, tools: ToolIndex): ChatToolCall[] | undefined {
  if (segment.kind === 'named') {
    const args = parseLiteral(segment.body.trim());
    return args ? callsFromValue({ name: segment.name, arguments: args.value }, tools) : undefined;
  }
  const body = unfence(segment.body.trim());
  const whole = parseLiteral(body);
  if (whole) return callsFromValue(whole.value, tools);
  const values = literalSequence(body);
  if (values) return callsFromValue(values, tools);
  const python = segment.python ? parsePythonCalls(body) : undefined;
  const calls = python?.map((call) => callFromPython(call, tools));
  return calls?.every((call) => call !== undefined) ? calls : undefined;
}

/** Several literals one after another, separated by whitespace, `,` or `;`. */
function literalSequence(body: string): unknown[] | undefined {
  const values: unknown[] = [];
  let pos = 0;
  while (pos < body.length) {
    const read = readLiteral(body, pos);
    if (!read || typeof read.value !== 'object' || read.value === null) return undefined;
    values.push(read.value);
    pos = read.end;
    while (pos < body.length && /[\s,;]/.test(body[pos]!)) pos++;
  }
  return values.length > 1 ? values : undefined;
}

/** A fence inside a tag (`<tool_call>```json ...```</tool_call>`). */
function unfence(body: string): string {
  const match = body.match(/^```[^\n]*\n([\s\S]*?)```$/);
  return match ? match[1]!.trim() : body;
}

/** JSON objects or arrays in the open text that are calls; each literal is read once, nested ones are not re-read. */
function bareCalls(text: string, tools: ToolIndex, taken: readonly Found[]): Found[] {
  const found: Found[] = [];
  let pos = 0;
  while (pos < text.length) {
    const inside = taken.find((entry) => pos >= entry.start && pos < entry.end);
    if (inside) {
      pos = inside.end;
      continue;
    }
    const char = text[pos];
    const read = char === '{' || char === '[' ? readLiteral(text, pos) : undefined;
    if (!read) {
      pos++;
      continue;
    }
    const calls = callsFromValue(read.value, tools);
    if (calls) found.push({ start: pos, end: read.end, calls });
    pos = read.end;
  }
  return found;
}

/** The text between the calls; where a call is cut out, the two sides meet with one space or newline. */
function proseAround(text: string, found: readonly Found[]): string {
  if (found.length === 0) return text;
  let prose = '';
  let pos = 0;
  for (const entry of found) {
    prose = join(prose, text.slice(pos, entry.start));
    pos = entry.end;
  }
  return join(prose, text.slice(pos)).trim();
}

function join(left: string, right: string): string {
  const a = left.trimEnd();
  const b = right.trimStart();
  if (!a || !b) return a + b;
  const separator = /\n/.test(left.slice(a.length) + right.slice(0, right.length - b.length)) ? '\n' : ' ';
  return a + separator + b;
}
