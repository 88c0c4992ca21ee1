import { ToolInputError } from './tool-input-error.js';

const units: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "2h" means two hours before `now`; anything else must be an ISO time. */
export function parseTimeArg(value: string, now: Date): Date {
  const relative = /^(\d+)([smhd])$/.exec(value);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * units[relative[2]!]!);
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new ToolInputError(`'${value}' is not a time; use ISO (2026-11-20T02:00:00Z) or relative (2h)`);
  return date;
}
