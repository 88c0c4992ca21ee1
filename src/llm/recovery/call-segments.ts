import { readLiteral } from './loose-literal.js';

/** A stretch of model text that may hold tool calls, in one of the wrappers chat templates use. */
export interface Segment {
  start: number;
  end: number;
  /** `block`: the body holds JSON call objects (or Python calls when `python`); `named`: Mistral's `name[ARGS]{...}`. */
  kind: 'block' | 'named';
  body: string;
  /** May the body be Python-style calls? */
  python: boolean;
  /** For `named`: the tool name written before `[ARGS]`. */
  name?: string;
}

const pythonFenceLanguages = new Set(['', 'tool_code', 'tool_call', 'tool_calls', 'python', 'py']);

/** Every wrapped stretch, in text order; they may overlap (the caller keeps the first that yields calls). */
export function findSegments(text: string): Segment[] {
  return [...toolCallTags(text), ...pythonTags(text), ...mistralCalls(text), ...fences(text)].sort(
    (a, b) => a.start - b.start,
  );
}

/** Hermes / Qwen: `<tool_call>{...}</tool_call>`; the closing tag may be missing when the model stopped early. */
function* toolCallTags(text: string): Generator<Segment> {
  for (const match of text.matchAll(/<tool_call>([\s\S]*?)(?:<\/tool_call>|(?=<tool_call>)|$)/g)) {
    yield { start: match.index, end: match.index + match[0].length, kind: 'block', body: match[1]!, python: true };
  }
}

/** Llama 3.x: `<|python_tag|>` then calls up to an end-of-message token or the end. */
function* pythonTags(text: string): Generator<Segment> {
  for (const match of text.matchAll(
    /<\|python_tag\|>([\s\S]*?)(?:<\|eom_id\|>|<\|eot_id\|>|(?=<\|python_tag\|>)|$)/g,
  )) {
    yield { start: match.index, end: match.index + match[0].length, kind: 'block', body: match[1]!, python: true };
  }
}

/** Mistral: `[TOOL_CALLS] [{...}]`, or the newer `[TOOL_CALLS]name[ARGS]{...}` (with an optional `[CALL_ID]id`). */
function* mistralCalls(text: string): Generator<Segment> {
  for (const match of text.matchAll(/\[TOOL_CALLS\]\s*(?:([A-Za-z_][\w.-]*)\s*(?:\[CALL_ID\]\s*\w+\s*)?\[ARGS\])?/g)) {
    const bodyStart = match.index + match[0].length;
    const read = readLiteral(text, bodyStart);
    const end = read?.end ?? text.length;
    const name = match[1];
    yield {
      start: match.index,
      end,
      kind: name ? 'named' : 'block',
      body: text.slice(bodyStart, end),
      python: false,
      ...(name ? { name } : {}),
    };
  }
}

/** Markdown code fences, with or without a language. */
function* fences(text: string): Generator<Segment> {
  for (const match of text.matchAll(/```(?:[^\S\n]*([\w-]*)[^\S\n]*\n)?([\s\S]*?)```/g)) {
    const language = (match[1] ?? '').toLowerCase();
    yield {
      start: match.index,
      end: match.index + match[0].length,
      kind: 'block',
      body: match[2]!,
      python: pythonFenceLanguages.has(language),
    };
  }
}
