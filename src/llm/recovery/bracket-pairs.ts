/**
 * For each `{` or `[`, the index of its matching closer, or -1; one pass.
 * Strings count only inside brackets and end at a line break, so prose
 * apostrophes cannot hide the rest of the text. The literal reader reads
 * only up to a bracket's closer, which keeps the bare-call scan linear
 * (docs/architecture.md, "The agent loop").
 */
export function pairBrackets(text: string): Int32Array {
  const closer = new Int32Array(text.length).fill(-1);
  const stack: number[] = [];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote || char === '\n') quote = '';
      continue;
    }
    if (char === '{' || char === '[') stack.push(i);
    else if ((char === '"' || char === "'") && stack.length > 0) quote = char;
    else if (char === '}' || char === ']') {
      const open = stack.pop();
      if (open !== undefined && text[open] === (char === '}' ? '{' : '[')) closer[open] = i;
      else stack.length = 0;
    }
  }
  return closer;
}
