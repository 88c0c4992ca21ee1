/**
 * Scanning helpers that keep recovery linear in the text's length: every
 * search moves forward, and a search that found nothing is not repeated
 * (docs/architecture.md, "The agent loop").
 */

/** `indexOf` with memory, for many searches of the same needles from increasing positions. */
export class Scanner {
  private readonly found = new Map<string, { from: number; at: number }>();

  constructor(readonly text: string) {}

  /** The first `needle` at or after `from`, or -1. */
  next(needle: string, from: number): number {
    const known = this.found.get(needle);
    if (known && known.from <= from && (known.at === -1 || known.at >= from)) return known.at;
    const at = this.text.indexOf(needle, from);
    this.found.set(needle, { from, at });
    return at;
  }
}

export interface Delimited {
  /** Where the opening marker starts. */
  start: number;
  /** The opening marker's match (groups give what it carries, such as a name). */
  open: RegExpExecArray;
  bodyStart: number;
  bodyEnd: number;
  /** After the closing marker, or `bodyEnd` when none closed the stretch. */
  end: number;
  closed: boolean;
}

/**
 * Every stretch from an opening marker to its closing marker, or, when none
 * comes first, to the next opening marker or the end of the text. `open`
 * must be a global regex without nested quantifiers; `closes` are literal.
 */
export function* delimited(text: string, open: RegExp, closes: readonly string[]): Generator<Delimited> {
  const opens = [...text.matchAll(open)];
  const scanner = new Scanner(text);
  for (const [i, match] of opens.entries()) {
    const bodyStart = match.index + match[0].length;
    const limit = opens[i + 1]?.index ?? text.length;
    if (limit < bodyStart) continue;
    let close = -1;
    let closeLength = 0;
    for (const marker of closes) {
      const at = scanner.next(marker, bodyStart);
      if (at !== -1 && at < limit && (close === -1 || at < close)) {
        close = at;
        closeLength = marker.length;
      }
    }
    const closed = close !== -1;
    const bodyEnd = closed ? close : limit;
    yield { start: match.index, open: match, bodyStart, bodyEnd, end: bodyEnd + closeLength, closed };
  }
}

/** Escapes a literal marker for use inside a regex. */
export function literalPattern(marker: string): string {
  return marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text without one surrounding Markdown fence (`<tool_call>```json ...```</tool_call>`). */
export function unfence(body: string): string {
  const trimmed = body.trim();
  if (!trimmed.startsWith('```') || !trimmed.endsWith('```') || trimmed.length < 6) return trimmed;
  const lineEnd = trimmed.indexOf('\n');
  if (lineEnd === -1 || lineEnd > trimmed.length - 3) return trimmed;
  return trimmed.slice(lineEnd + 1, -3).trim();
}
