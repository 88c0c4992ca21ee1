import { readCallArguments, type CallArguments, type Read } from './loose-literal.js';

export interface PythonCall extends CallArguments {
  name: string;
}

const callee = /\s*(print\s*\(\s*)?((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\s*\(/y;

/**
 * Python-style calls as Gemma's `tool_code` blocks and Llama's python_tag
 * write them: `vm_status(vmid=101)`, `print(default_api.vm_status(vmid=101))`,
 * `vm_status.call(vmid=101)`, several separated by newlines or `;`; or one
 * list of them, as Llama 3.2 and 4 write calls: `[vm_status(vmid=101), ...]`.
 * Undefined unless the whole text is such calls.
 */
export function parsePythonCalls(text: string): PythonCall[] | undefined {
  const start = text.length - text.trimStart().length;
  if (text[start] === '[') {
    const list = readPythonList(text, start);
    return list && text.slice(list.end).trim() === '' ? list.value : undefined;
  }
  const calls: PythonCall[] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && /[\s;]/.test(text[pos]!)) pos++;
    if (pos >= text.length) return calls.length > 0 ? calls : undefined;
    const call = readPythonCall(text, pos);
    if (!call) return undefined;
    calls.push(call.value);
    pos = call.end;
  }
}

/** `[call(...), call(...)]` starting at `start`; undefined unless it is a non-empty list of calls. */
export function readPythonList(text: string, start: number): Read<PythonCall[]> | undefined {
  const calls: PythonCall[] = [];
  const separator = /\s*([,\]])/y;
  let pos = start + 1;
  for (;;) {
    const call = readPythonCall(text, pos);
    if (!call) return undefined;
    calls.push(call.value);
    separator.lastIndex = call.end;
    const next = separator.exec(text);
    if (!next) return undefined;
    pos = separator.lastIndex;
    if (next[1] === ']') return { value: calls, end: pos };
  }
}

function readPythonCall(text: string, pos: number): Read<PythonCall> | undefined {
  callee.lastIndex = pos;
  const head = callee.exec(text);
  if (!head) return undefined;
  const args = readCallArguments(text, pos + head[0].length);
  if (!args) return undefined;
  let end = args.end;
  if (head[1]) {
    const close = /\s*\)/y;
    close.lastIndex = end;
    if (!close.exec(text)) return undefined;
    end = close.lastIndex;
  }
  return { value: { name: toolName(head[2]!), ...args.value }, end };
}

/** `default_api.vm_status` -> `vm_status`; Llama's `vm_status.call` -> `vm_status`. */
function toolName(dotted: string): string {
  const parts = dotted.split('.');
  return parts.length > 1 && parts.at(-1) === 'call' ? parts.at(-2)! : parts.at(-1)!;
}
