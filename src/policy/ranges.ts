/** A `"from-to"` range of whole numbers, both ends included, as written in rule files. */
export interface NumberRange {
  from: number;
  to: number;
}

const rangePattern = /^(\d+)-(\d+)$/;

/** Whether a string is written as a range (it may still be a bad one, see rangeProblem). */
export function looksLikeRange(text: string): boolean {
  return rangePattern.test(text);
}

export function parseRange(text: string): NumberRange | undefined {
  const match = rangePattern.exec(text);
  if (!match) return undefined;
  return { from: Number(match[1]), to: Number(match[2]) };
}

/** Why a range string is unusable, or undefined when it is fine. */
export function rangeProblem(text: string): string | undefined {
  const range = parseRange(text);
  if (!range) return `bad range "${text}": write it as "FROM-TO", e.g. "9100-9199"`;
  if (range.from > range.to)
    return `bad range "${text}": ${range.from} is above ${range.to}; write the lower number first`;
  return undefined;
}

export function inRange(value: number, text: string): boolean {
  const range = parseRange(text);
  return range !== undefined && value >= range.from && value <= range.to;
}
