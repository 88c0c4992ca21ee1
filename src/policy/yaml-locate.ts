import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A step into parsed YAML: a map key or a list index. */
export type YamlPath = ReadonlyArray<string | number>;

function child(node: unknown, step: string | number): { key?: Node; value: unknown } | undefined {
  if (isSeq(node) && typeof step === 'number') {
    const item = node.items[step];
    return item === undefined ? undefined : { value: item };
  }
  if (isMap(node)) {
    const pair = node.items.find(
      (candidate) => isScalar(candidate.key) && String(candidate.key.value) === String(step),
    );
    if (pair) return { key: pair.key as Node, value: pair.value };
  }
  return undefined;
}

function startOf(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

/**
 * The 1-based line of the deepest node on `path` that exists: the value when
 * it is there, the key when the value is empty, the enclosing map when the key
 * is missing.
 */
export function lineOfPath(doc: Document, lines: LineCounter, path: YamlPath): number {
  let node: unknown = doc.contents;
  let offset = startOf(node) ?? 0;
  for (const step of path) {
    const next = child(node, step);
    if (!next) break;
    offset = startOf(next.value) ?? startOf(next.key) ?? offset;
    node = next.value;
  }
  return lines.linePos(offset).line;
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null | undefined)?.range;
  return range != null && offset >= range[0] && offset <= range[2];
}

/** The path of the deepest node whose source text contains `offset` (for syntax errors). */
export function pathAtOffset(doc: Document, offset: number): Array<string | number> {
  const path: Array<string | number> = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item, offset));
      if (index < 0) return path;
      path.push(index);
      node = node.items[index];
    } else if (isMap(node)) {
      const pair = node.items.find((item) => contains(item.key, offset) || contains(item.value, offset));
      if (!pair || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      node = pair.value;
    } else {
      return path;
    }
  }
}
