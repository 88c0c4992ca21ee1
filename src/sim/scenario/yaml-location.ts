import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/**
 * The 1-based line of the node at `path` in a parsed YAML document; for a path
 * that does not exist (a missing key), the line of its deepest existing parent.
 * With `key`, the line of that key inside the node (unrecognised keys).
 */
export function lineOf(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  key?: string,
): number | undefined {
  let node: unknown = doc.contents;
  let line = startLine(node, lines);
  for (const segment of path) {
    const child = childOf(node, segment);
    if (child === undefined) return line;
    node = child;
    line = startLine(node, lines) ?? line;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    if (pair && isNode(pair.key)) return startLine(pair.key, lines) ?? line;
  }
  return line;
}

function childOf(node: unknown, segment: PropertyKey): unknown {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair?.value ?? undefined;
  }
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  return undefined;
}

function startLine(node: unknown, lines: LineCounter): number | undefined {
  if (!isNode(node)) return undefined;
  const range = (node as Node).range;
  return range ? lines.linePos(range[0]).line : undefined;
}
