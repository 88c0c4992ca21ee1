import type { ChatToolCall, ChatToolSpec } from '../core/chat-model.js';
import { bareCalls, type FoundCalls } from './recovery/bare-calls.js';
import type { ToolIndex } from './recovery/call-shape.js';
import { widen } from './recovery/containers.js';
import { introducedAsExample } from './recovery/example-intro.js';
import { fenceSegments } from './recovery/fences.js';
import { lineSegments } from './recovery/line-forms.js';
import { proseAround } from './recovery/prose.js';
import { pythonListLines } from './recovery/python-lines.js';
import { quotedSpans } from './recovery/quoted.js';
import { callsInSegment } from './recovery/segment-calls.js';
import type { Recognizer } from './recovery/segment.js';
import { SpanSet } from './recovery/span-set.js';
import { tagSegments } from './recovery/tag-forms.js';
import { tokenSegments } from './recovery/token-forms.js';
import { wrapperSegments } from './recovery/wrappers.js';
import { thinkingSpans } from './thinking.js';

export { coerceArguments } from './recovery/coerce-arguments.js';

export interface RecoveredCalls {
  calls: ChatToolCall[];
  /** The text without the recovered calls, their wrappers and any reasoning. */
  prose: string;
}

const recognizers: readonly Recognizer[] = [
  wrapperSegments,
  tokenSegments,
  tagSegments,
  lineSegments,
  pythonListLines,
  fenceSegments,
];

/**
 * Tool calls a model wrote as text instead of using the tool-call channel, in
 * the syntaxes of the families' chat templates (test/fixtures/tool-call-forms).
 * Nothing inside reasoning, quoted material or an example counts; bare JSON,
 * fences and lines count only for registered tools, while syntax made only for
 * calls also yields unknown names, which validation then answers `invalid`.
 * Arguments are coerced to the types the tool's schema asks for ("101" -> 101).
 * Linear in the text's length (docs/architecture.md, "The agent loop").
 */
export function recoverToolCalls(text: string, tools: readonly ChatToolSpec[]): RecoveredCalls {
  const index: ToolIndex = new Map(tools.map((tool) => [tool.name, tool]));
  const names = tools.map((tool) => tool.name);
  if (!names.some((name) => text.includes(name)) && !callMarker.test(text)) return { calls: [], prose: text };
  const thinking = thinkingSpans(text);
  const quoted = quotedSpans(text);
  const blocked = new SpanSet([...thinking, ...quoted]);
  const segments = recognizers.flatMap((recognize) => [...recognize(text, names)]).sort((a, b) => a.start - b.start);
  const found: FoundCalls[] = [];
  let takenEnd = 0;
  for (const segment of segments) {
    if (segment.start < takenEnd || blocked.overlaps(segment.start, segment.end)) continue;
    if (introducedAsExample(text, segment.start)) continue;
    const result = callsInSegment(segment, index);
    if (!result) continue;
    const span = widen(text, segment.start, result.end ?? segment.end);
    found.push({ ...span, calls: result.calls });
    takenEnd = span.end;
  }
  const skip = new SpanSet([...found, ...thinking, ...quoted]);
  found.push(...bareCalls(text, index, skip, (start) => !introducedAsExample(text, start)));
  if (found.length === 0) return { calls: [], prose: text };
  found.sort((a, b) => a.start - b.start);
  return { calls: found.flatMap((entry) => entry.calls), prose: proseAround(text, [...found, ...thinking]) };
}

/** Markers of syntax made only for calls, for texts that name no registered tool. */
const callMarker =
  /<tool_call|<\|python_(?:tag|start)\|>|\[TOOL_CALLS\]|<\|tool_call\|>|functools|<TOOLCALL>|<tool_calls>|<\|START_ACTION\|>|<\|action_start\|>|<function_call>|tool[▁_]call[▁_]begin|<\|tool_call_begin\|>|<function[= ]|<invoke |<start_function_call>|to=functions\.|<\|recipient\|>/;
