/**
 * The sizes a tool call may have. Arguments must meet their limits before
 * anything reads them closely (redaction, validation, policy), checked in one
 * walk whose cost is bounded by the limits, not by what was sent.
 */
export const argumentLimits = {
  /** Characters of every key and string together, plus a few for each value. */
  maxSize: 64 * 1024,
  maxDepth: 16,
};

/** How an oversized call's arguments are kept in the audit trail: cut, still showing their shape. */
export const auditCut = { maxString: 256, maxItems: 32, maxDepth: 4 };

/** What a call hands back, cut (with a margin, around redaction) to these many characters. */
export const outputLimits = { text: 32 * 1024, summary: 1000, progress: 1000, structuredString: 32 * 1024 };

// Safety: these keys reach object prototypes in some JavaScript code paths;
// such a key is refused by name rather than dropped on the way, so the trail
// shows exactly what the caller sent.
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Why arguments are refused before validation, or undefined when they are within the limits. */
export function argumentsProblem(args: unknown): string | undefined {
  let size = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value: args, depth: 0 }];
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    size += typeof value === 'string' ? value.length + 2 : 4;
    if (size > argumentLimits.maxSize)
      return `the arguments are larger than ${argumentLimits.maxSize} characters; send a shorter value`;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= argumentLimits.maxDepth)
      return `the arguments are nested deeper than ${argumentLimits.maxDepth} levels`;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && size + pending.length * 4 <= argumentLimits.maxSize; i++)
        pending.push({ value: value[i], depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (forbiddenKeys.has(key)) return `argument key '${key}' is not accepted`;
      size += key.length;
      pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return undefined;
}
