import { readPythonList } from './python-call.js';
import type { Recognizer } from './segment.js';

/**
 * Llama 3.2 and 4 (and Gemma when prompted so) answer with a list of
 * Python-style calls: `[vm_status(vmid=101)]`. The list counts only on lines
 * of its own; written inside a sentence it is prose.
 */
export const pythonListLines: Recognizer = function* (text) {
  const lineStart = /^[^\S\n]*\[[^\S\n]*[A-Za-z_][\w.]*[^\S\n]*\(/gm;
  for (const match of text.matchAll(lineStart)) {
    const open = text.indexOf('[', match.index);
    const list = readPythonList(text, open);
    if (!list) continue;
    const after = /[^\S\n]*(?:\n|$)/y;
    after.lastIndex = list.end;
    if (!after.test(text)) continue;
    yield {
      start: open,
      end: list.end,
      dedicated: false,
      payload: { kind: 'calls', body: text.slice(open, list.end), bodyStart: open, python: true, open: false },
    };
  }
};
