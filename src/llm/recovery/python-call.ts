import { readCallArguments, type CallArguments } from './loose-literal.js';

export interface PythonCall extends CallArguments {
  name: string;
}

const callee = /\s*(print\s*\(\s*)?((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\s*\(/y;

/**
 * Python-style calls as Gemma's `tool_code` blocks and Llama's python_tag
 * write them: `vm_status(vmid=101)`, `print(default_api.vm_status(vmid=101))`,
 * `vm_status.call(vmid=101)`, several separated by newlines or `;`.
 * Undefined unless the whole text is such calls.
 */
export function parsePythonCalls(text: string): PythonCall[] | undefined {
  const calls: PythonCall[] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && /[\s;]/.test(text[pos]!)) pos++;
    if (pos >= text.length) return calls.length > 0 ? calls : undefined;
    callee.lastIndex = pos;
    const head = callee.exec(text);
    if (!head) return undefined;
    const args = readCallArguments(text, pos + head[0].length);
    if (!args) return undefined;
    pos = args.end;
    if (head[1]) {
      const close = /\s*\)/y;
      close.lastIndex = pos;
      if (!close.exec(text)) return undefined;
      pos = close.lastIndex;
    }
    calls.push({ name: toolName(head[2]!), ...args.value });
  }
}

/** `default_api.vm_status` -> `vm_status`; Llama's `vm_status.call` -> `vm_status`. */
function toolName(dotted: string): string {
  const parts = dotted.split('.');
  return parts.length > 1 && parts.at(-1) === 'call' ? parts.at(-2)! : parts.at(-1)!;
}
