import type { Glyphs } from '../glyphs.js';
import { span, type Segment } from './line.js';

export interface StatusFacts {
  quitArmed: boolean;
  candidates: readonly string[];
  /** What the running turn is doing, or null when idle. */
  activity: string | null;
  scroll: { top: number; height: number; total: number; following: boolean };
}

/** The words in the footer rule: the most pressing fact only. */
export function statusSegments(facts: StatusFacts, glyphs: Glyphs): Segment[] {
  if (facts.quitArmed) return [span('Press Ctrl-C again within 2 s to quit', 'warning')];
  if (facts.candidates.length > 0) return [span(facts.candidates.join('  '), 'plain')];
  const { scroll } = facts;
  // Everything fits: there is nowhere to scroll, so no position to tell.
  const position =
    scroll.following || scroll.total <= scroll.height
      ? []
      : [
          span(
            `rows ${scroll.top + 1}-${Math.min(scroll.total, scroll.top + scroll.height)} of ${scroll.total}, End follows`,
            'warning',
          ),
        ];
  if (facts.activity !== null)
    return [
      { text: glyphs.spinner[0]!, tone: 'tool', spinner: true },
      span(` ${facts.activity}${glyphs.ellipsis}`, 'tool'),
      ...(position.length > 0 ? [span(' '), ...position] : []),
    ];
  return position;
}

export interface HintFacts {
  busy: boolean;
  emptyInput: boolean;
  cardMarked: boolean;
}

/** The key hints that fit `width`, whole: the least needed (at the end) go first. */
export function keyHints(facts: HintFacts, glyphs: Glyphs, width = Infinity): string {
  const sep = ` ${glyphs.separator} `;
  const enter = facts.emptyInput && facts.cardMarked ? 'Enter details' : 'Enter send';
  const hints = facts.busy
    ? ['Esc abort', 'PgUp/PgDn scroll', 'Ctrl-C twice quits']
    : [enter, 'Tab complete', '/help', 'Up/Down history', 'PgUp/PgDn scroll'];
  while (hints.length > 1 && hints.join(sep).length > width) hints.pop();
  return hints.join(sep);
}
