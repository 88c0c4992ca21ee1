import type { LineMatch, ObservedLine } from './observed-line.js';
import { definedOnly, type Signature, type SignatureBook } from './signature-book.js';

interface Hit {
  signature: Signature;
  groups: Record<string, string>;
  length: number;
}

function hitOf(signature: Signature, text: string): Hit | undefined {
  for (const pattern of signature.patterns) {
    const match = pattern.exec(text);
    if (match) return { signature, groups: definedOnly(match.groups ?? {}), length: match[0].length };
  }
  return undefined;
}

/**
 * The signature that explains a line best: a specific one over a generic
 * wrapper, then the one that matched more of the line.
 */
export function bestSignature(book: SignatureBook, text: string): Omit<Hit, 'length'> | undefined {
  let best: Hit | undefined;
  for (const signature of book.all) {
    const hit = hitOf(signature, text);
    if (!hit) continue;
    if (!best || rank(hit) > rank(best)) best = hit;
  }
  return best ? { signature: best.signature, groups: best.groups } : undefined;
}

function rank(hit: Hit): number {
  return (hit.signature.generic ? 0 : 1_000_000) + hit.length;
}

/** Splits lines into those a signature explains and the rest. */
export function matchLines(
  book: SignatureBook,
  lines: readonly ObservedLine[],
): { matches: LineMatch[]; unmatched: ObservedLine[] } {
  const matches: LineMatch[] = [];
  const unmatched: ObservedLine[] = [];
  for (const line of lines) {
    const best = bestSignature(book, line.text);
    if (best) matches.push({ line, ...best });
    else unmatched.push(line);
  }
  return { matches, unmatched };
}
