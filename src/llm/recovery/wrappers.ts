import { delimited, literalPattern } from './scan.js';
import type { Recognizer, Segment } from './segment.js';

interface Wrapper {
  open: string;
  closes: readonly string[];
  /** May the body be Python-style calls? */
  python: boolean;
}

/**
 * Markers that chat templates put around calls written as JSON (or, where
 * `python`, as Python-style calls). The fixtures in test/fixtures/tool-call-forms
 * name the family and source of each.
 */
const wrappers: readonly Wrapper[] = [
  { open: '<tool_call>', closes: ['</tool_call>'], python: true },
  { open: '<|python_tag|>', closes: ['<|eom_id|>', '<|eot_id|>'], python: true },
  { open: '<|python_start|>', closes: ['<|python_end|>'], python: true },
  { open: '[TOOL_CALLS]', closes: [], python: false },
  { open: '<|tool_call|>', closes: ['<|/tool_call|>'], python: false },
  { open: 'functools', closes: [], python: false },
  { open: '<TOOLCALL>', closes: ['</TOOLCALL>'], python: false },
  { open: '<tool_calls>', closes: ['</tool_calls>'], python: false },
  { open: '<|START_ACTION|>', closes: ['<|END_ACTION|>'], python: false },
  { open: '<|action_start|><|plugin|>', closes: ['<|action_end|>'], python: false },
  { open: '<function_call>', closes: ['</function_call>'], python: false },
];

/** The body of each wrapper, up to its closing marker, the next opening marker, or the end. */
export const wrapperSegments: Recognizer = function* (text) {
  for (const wrapper of wrappers) {
    if (!text.includes(wrapper.open)) continue;
    for (const found of delimited(text, new RegExp(literalPattern(wrapper.open), 'g'), wrapper.closes)) {
      const segment: Segment = {
        start: found.start,
        end: found.end,
        dedicated: true,
        payload: {
          kind: 'calls',
          body: text.slice(found.bodyStart, found.bodyEnd),
          bodyStart: found.bodyStart,
          python: wrapper.python,
          open: !found.closed,
        },
      };
      yield segment;
    }
  }
};
