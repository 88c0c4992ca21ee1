import type { TranscriptEntry } from './entries.js';

export interface CardFix {
  tool: string;
  args: Record<string, unknown>;
}

/**
 * The first fix a diagnosis card names as a tool call (`fixAction` of a
 * finding in its structured result), or null. Applying it is an ordinary
 * call: preflight, preview and confirmation as its rule demands.
 */
export function cardFix(entry: TranscriptEntry | undefined): CardFix | null {
  if (entry?.kind !== 'tool' || entry.outcome?.status !== 'ok') return null;
  const findings = entry.outcome.structured?.findings;
  if (!Array.isArray(findings)) return null;
  for (const finding of findings) {
    const action = (finding as { fixAction?: unknown } | null)?.fixAction as Partial<CardFix> | undefined;
    if (typeof action?.tool === 'string' && action.args && typeof action.args === 'object')
      return { tool: action.tool, args: action.args };
  }
  return null;
}
