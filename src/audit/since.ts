import { UsageError } from '../shared/errors.js';

const unitMs: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * `--since TIME`: an age (`30m`, `2h`, `7d`, also `s` and `w`) counted back
 * from `now`, or an ISO date or time (`2026-11-23`, `2026-11-23T10:00:00Z`;
 * a time without an offset is local time).
 */
export function parseSince(text: string, now: Date): Date {
  const trimmed = text.trim();
  const age = /^(\d+)\s*([smhdw])$/.exec(trimmed);
  if (age) return new Date(now.getTime() - Number(age[1]) * unitMs[age[2]!]!);
  const time = /^\d{4}-\d{2}-\d{2}/.test(trimmed) ? new Date(trimmed) : null;
  if (!time || Number.isNaN(time.getTime())) {
    throw new UsageError(
      `--since '${text}' is not a time: use an age such as 30m, 2h or 7d, or an ISO time such as 2026-11-23T10:00Z`,
    );
  }
  return time;
}
