import type { ChatToolCall } from '../../core/chat-model.js';
import {
  callFromFields,
  callFromPython,
  callOf,
  callsFromValue,
  isObject,
  type NameRule,
  type ToolIndex,
} from './call-shape.js';
import { findFences } from './fences.js';
import { parseLiteral, readLiteral } from './loose-literal.js';
import { parsePythonCalls } from './python-call.js';
import { unfence } from './scan.js';
import type { Segment } from './segment.js';
import { argumentsPayload } from './tag-forms.js';

export interface SegmentCalls {
  calls: ChatToolCall[];
  /** Where the calls end when prose follows them inside an open segment. */
  end?: number;
}

/** The calls a segment holds, or undefined when it holds anything else. */
export function callsInSegment(segment: Segment, tools: ToolIndex): SegmentCalls | undefined {
  const rule: NameRule = segment.dedicated ? 'any' : 'known';
  const { payload } = segment;
  if (payload.kind === 'fields') {
    const call = callFromFields(payload.name, payload.fields, tools, rule);
    return call ? { calls: [call] } : undefined;
  }
  if (payload.kind === 'named') {
    const call = namedCall(payload.name, payload.args, tools, rule);
    return call ? { calls: [call] } : undefined;
  }
  const calls = callsInBody(payload.body, payload.python, tools, rule);
  if (calls) return { calls };
  return payload.open ? leadingCalls(payload.body, payload.bodyStart, tools, rule) : undefined;
}

/** The whole body as calls: one literal, several, Python-style calls, or a name line and parameter tags. */
function callsInBody(raw: string, python: boolean, tools: ToolIndex, rule: NameRule): ChatToolCall[] | undefined {
  const body = unfence(raw);
  const whole = parseLiteral(body);
  if (whole) return callsFromValue(whole.value, tools, rule);
  const values = literalSequence(body);
  if (values) return callsFromValue(values, tools, rule);
  const pythonCalls = python ? parsePythonCalls(body) : undefined;
  if (pythonCalls) {
    const calls = pythonCalls.map((call) => callFromPython(call, tools, rule));
    return calls.every((call) => call !== undefined) ? calls : undefined;
  }
  const named = /^([A-Za-z_][\w.-]{0,100})(?:\s*\n|\s*$|\s*(?=<))/.exec(body);
  if (!named || rule !== 'any') return undefined;
  const payload = argumentsPayload(named[1]!, body.slice(named[0].length));
  const call =
    payload.kind === 'fields'
      ? callFromFields(payload.name, payload.fields, tools, rule)
      : namedCall(payload.name, payload.args, tools, rule);
  return call ? [call] : undefined;
}

/** A literal or a fence right at the start of an unclosed body, with prose after it. */
function leadingCalls(body: string, bodyStart: number, tools: ToolIndex, rule: NameRule): SegmentCalls | undefined {
  const offset = body.length - body.trimStart().length;
  if (body.startsWith('```', offset)) {
    const fence = findFences(body.slice(offset))[0];
    const calls = fence && callsInBody(fence.body, false, tools, rule);
    return fence && calls ? { calls, end: bodyStart + offset + fence.end } : undefined;
  }
  const read = readLiteral(body, offset);
  const calls = read && callsFromValue(read.value, tools, rule);
  return read && calls ? { calls, end: bodyStart + read.end } : undefined;
}

/** A name with its arguments as literal text: an object, one value for the first required parameter, or nothing. */
function namedCall(name: string, rawArgs: string, tools: ToolIndex, rule: NameRule): ChatToolCall | undefined {
  const args = unfence(rawArgs);
  if (args === '') return callOf(name, {}, tools, rule);
  const parsed = parseLiteral(args);
  if (parsed && isObject(parsed.value)) return callOf(name, parsed.value, tools, rule);
  const single = parsed ? parsed.value : /^[\w.:/@-]+$/.test(args) ? args : undefined;
  if (single === undefined || Array.isArray(single)) return undefined;
  return callFromPython({ name, positional: [single], named: {} }, tools, rule);
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
