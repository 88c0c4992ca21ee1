/** Small helpers for reading and writing a dotted key path in plain objects. */

export type Tree = Record<string, unknown>;

export function getPath(tree: Tree, path: readonly string[]): unknown {
  let node: unknown = tree;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Tree)[segment];
  }
  return node;
}

export function setPath(tree: Tree, path: readonly string[], value: unknown): Tree {
  const [head, ...rest] = path;
  if (head === undefined) return tree;
  const child = tree[head];
  const next = rest.length === 0 ? value : setPath(isTree(child) ? { ...child } : {}, rest, value);
  return { ...tree, [head]: next };
}

/** Removes the key and any parent objects it leaves empty. */
export function deletePath(tree: Tree, path: readonly string[]): Tree {
  const [head, ...rest] = path;
  if (head === undefined || !Object.hasOwn(tree, head)) return tree;
  const { [head]: child, ...others } = tree;
  if (rest.length === 0) return others;
  if (!isTree(child)) return tree;
  const pruned = deletePath(child, rest);
  return Object.keys(pruned).length === 0 ? others : { ...others, [head]: pruned };
}

/** Every leaf as [dotted path, value]; arrays are leaves. */
export function leaves(tree: Tree, prefix: string[] = []): Array<[string[], unknown]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    isTree(value) ? leaves(value, [...prefix, key]) : [[[...prefix, key], value] as [string[], unknown]],
  );
}

export function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
