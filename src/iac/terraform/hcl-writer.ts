import type { HclBlock, HclItem, HclObject, HclValue } from './hcl-model.js';

const indentUnit = '  ';

/**
 * Writes HCL the way `terraform fmt` would: two-space indents, the `=` of
 * neighbouring attributes aligned, a blank line between an attribute run and
 * a block and between blocks.
 */
export function writeHcl(blocks: readonly HclBlock[]): string {
  return `${blocks.map((item) => writeBlock(item, 0).join('\n')).join('\n\n')}\n`;
}

function writeBlock(item: HclBlock, depth: number): string[] {
  const pad = indentUnit.repeat(depth);
  const head = [item.type, ...item.labels.map(quote)].join(' ');
  if (item.body.length === 0) return [`${pad}${head} {}`];
  return [`${pad}${head} {`, ...writeBody(item.body, depth + 1), `${pad}}`];
}

function writeBody(items: readonly HclItem[], depth: number): string[] {
  const lines: string[] = [];
  let run: Array<{ name: string; value: HclValue }> = [];
  const flush = () => {
    if (run.length === 0) return;
    const width = Math.max(...run.map((entry) => entry.name.length));
    for (const entry of run) lines.push(...writeAssignment(entry.name, entry.value, width, depth));
    run = [];
  };
  let previous: HclItem['kind'] | undefined;
  for (const item of items) {
    if (item.kind === 'attribute') {
      if (previous === 'block') lines.push('');
      run.push({ name: item.name, value: item.value });
    } else {
      flush();
      if (previous !== undefined) lines.push('');
      lines.push(...writeBlock(item, depth));
    }
    previous = item.kind;
  }
  flush();
  return lines;
}

function writeAssignment(name: string, value: HclValue, width: number, depth: number): string[] {
  const pad = indentUnit.repeat(depth);
  const lead = `${pad}${name.padEnd(width)} = `;
  if (isObject(value)) return [`${lead}{`, ...writeObjectBody(value, depth + 1), `${pad}}`];
  return [`${lead}${inline(value)}`];
}

function writeObjectBody(value: HclObject, depth: number): string[] {
  const entries = Object.entries(value);
  const width = Math.max(...entries.map(([key]) => key.length));
  return entries.flatMap(([key, inner]) => writeAssignment(key, inner, width, depth));
}

function inline(value: HclValue): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  return `{ ${Object.entries(value)
    .map(([key, inner]) => `${key} = ${inline(inner)}`)
    .join(', ')} }`;
}

function isObject(value: HclValue): value is HclObject {
  return typeof value === 'object' && !Array.isArray(value);
}

/** A quoted template literal; `${` and `%{` are escaped so no value can become an expression. */
export function quote(text: string): string {
  const escaped = text
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replaceAll('\t', '\\t')
    .replaceAll('${', () => '$${')
    .replaceAll('%{', () => '%%{');
  return `"${escaped}"`;
}
