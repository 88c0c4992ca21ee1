import type { Category } from './finding.js';
import { categoryScores, looksLikeTrouble, phraseWeight } from './failure-words.js';
import type { ObservedLine } from './observed-line.js';

/**
 * Lines that only say that something failed, not what: QEMU's exit, the
 * task's last line, LXC's "failed to start" and its advice, progress. They
 * stay as context; the line that says what went wrong decides.
 */
const wrapperShapes: readonly RegExp[] = [
  /\bQEMU exited with code \d+/i,
  /^TASK ERROR: (?:start failed|job errors|command '[^']*' failed: exit code \d+)/i,
  /startup for container '\d+' failed/i,
  /\bThe container failed to start\b/i,
  /To get more details, run the container in foreground mode/i,
  /Additional information can be obtained by setting/i,
  /\bcan't migrate VM - check log\b/i,
  /^(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d )?(?:ERROR: )?migration (?:aborted|finished with problems)\b(?:[^:]*)$/i,
  /\bBackup job finished with errors\b/i,
  /^(?:INFO: )?(?:progress \d+%|status: \d+%)/i,
];

export function isWrapper(text: string): boolean {
  return wrapperShapes.some((shape) => shape.test(text));
}

/** A line read during a failure, with how much it tells. */
export interface WeighedLine {
  line: ObservedLine;
  /** The categories its words point to, strongest first (phrases outweigh single words). */
  scores: Map<Category, number>;
  /** 3 names the failure in a phrase, 2 in single words, 1 only says it failed, 0 context. */
  weight: number;
}

export function weigh(line: ObservedLine): WeighedLine {
  const scores = categoryScores(line.text);
  if (isWrapper(line.text)) return { line, scores, weight: 0.5 };
  if (!looksLikeTrouble(line.text)) return { line, scores, weight: 0 };
  return { line, scores, weight: Math.max(1, weightOf(scores)) };
}

function weightOf(scores: ReadonlyMap<Category, number>): number {
  const best = Math.max(0, ...scores.values());
  return best >= phraseWeight ? 3 : best > 0 ? 2 : 0;
}

/** The category a line's phrases name, if they name one (single words do not count). */
export function phraseCategory(text: string): Category | undefined {
  const scores = categoryScores(text);
  return weightOf(scores) === 3 ? strongest(scores) : undefined;
}

/**
 * The most specific failure lines of a task (or read), most telling first:
 * a line naming the failure beats one that only says something failed, and
 * wrappers count only when nothing else speaks. Earlier lines win ties: the
 * cause comes before its consequences.
 */
export function decisiveLines(lines: readonly ObservedLine[]): WeighedLine[] {
  const weighed = lines.map(weigh);
  const failures = weighed.filter((item) => item.weight >= 1);
  const last = endOfFailedTask(weighed);
  if (failures.length === 0 && last) failures.push({ ...last, weight: Math.max(1, weightOf(last.scores)) });
  const chosen = failures.length > 0 ? failures : weighed.filter((item) => item.weight > 0);
  return chosen
    .map((item, order) => ({ item, order }))
    .sort((a, b) => b.item.weight - a.item.weight || a.order - b.order)
    .map(({ item }) => item);
}

/**
 * A failed task ends with the error that stopped it (`die` becomes the last
 * line), whatever its words: the last line that is neither a wrapper nor
 * progress. Journal lines are not tasks; a log with `TASK OK` did not fail.
 */
function endOfFailedTask(weighed: readonly WeighedLine[]): WeighedLine | undefined {
  const own = weighed.filter(({ line }) => line.source !== 'journal');
  if (own.some(({ line }) => line.text === 'TASK OK')) return undefined;
  return own.findLast((item) => item.weight === 0 && !isWrapper(item.line.text) && item.line.text.trim() !== '');
}

/** The category with the highest score, if any. */
export function strongest(scores: ReadonlyMap<Category, number>): Category | undefined {
  let best: [Category, number] | undefined;
  for (const entry of scores) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}
