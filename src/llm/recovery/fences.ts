import { Scanner } from './scan.js';
import type { Recognizer } from './segment.js';

export interface Fence {
  start: number;
  end: number;
  /** The info string, lower case; '' when there is none. */
  language: string;
  body: string;
}

/** Languages a call may be written in; a fence in any other (log, text, bash, yaml...) is quoted material. */
const callLanguages = new Set(['', 'json', 'jsonc', 'json5', 'tool_code', 'tool_call', 'tool_calls', 'python', 'py']);
const pythonLanguages = new Set(['', 'tool_code', 'tool_call', 'tool_calls', 'python', 'py']);
/** Longer info strings are not languages: the fence opens on the same line as its content. */
const maxInfoLength = 40;

/** Markdown code fences, in text order; an unclosed fence ends the list. */
export function findFences(text: string): Fence[] {
  const scanner = new Scanner(text);
  const fences: Fence[] = [];
  let pos = 0;
  for (;;) {
    const start = scanner.next('```', pos);
    if (start === -1) return fences;
    const lineEnd = scanner.next('\n', start + 3);
    const info = lineEnd !== -1 && lineEnd - start - 3 <= maxInfoLength ? text.slice(start + 3, lineEnd).trim() : '';
    const named = /^[\w.+-]*$/.test(info) && lineEnd !== -1 && lineEnd - start - 3 <= maxInfoLength;
    const bodyStart = named ? lineEnd + 1 : start + 3;
    const close = scanner.next('```', bodyStart);
    if (close === -1) return fences;
    fences.push({
      start,
      end: close + 3,
      language: named ? info.toLowerCase() : '',
      body: text.slice(bodyStart, close),
    });
    pos = close + 3;
  }
}

export function isCallFence(fence: Fence): boolean {
  return callLanguages.has(fence.language);
}

/** Fences in a language a call may be written in; Gemma's `tool_code` and plain ones may hold Python-style calls. */
export const fenceSegments: Recognizer = function* (text) {
  if (!text.includes('```')) return;
  for (const fence of findFences(text)) {
    if (!isCallFence(fence)) continue;
    yield {
      start: fence.start,
      end: fence.end,
      dedicated: false,
      payload: {
        kind: 'calls',
        body: fence.body,
        bodyStart: fence.start,
        python: pythonLanguages.has(fence.language),
        open: false,
      },
    };
  }
};
