/**
 * The part of systemd calendar events that Proxmox backup jobs use in
 * practice: `02:30`, `mon..fri 21:00`, `sat,sun 03:15`, `daily`, `weekly`,
 * `hourly`, `*:15`. Times are in the node's zone; we take UTC, as the
 * simulator's nodes run. Anything else is `undefined`: unknown, not guessed.
 */
export interface CalendarEvent {
  /** 0 = Sunday ... 6 = Saturday. */
  days: ReadonlySet<number>;
  /** The hours it fires in (every hour for `*:MM`). */
  hours: readonly number[];
  minute: number;
}

const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const everyDay = new Set([0, 1, 2, 3, 4, 5, 6]);
const everyHour = Array.from({ length: 24 }, (_, hour) => hour);

export function parseCalendarEvent(text: string): CalendarEvent | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'daily') return { days: everyDay, hours: [0], minute: 0 };
  if (value === 'weekly') return { days: new Set([1]), hours: [0], minute: 0 };
  if (value === 'hourly') return { days: everyDay, hours: everyHour, minute: 0 };
  const match = /^(?:([a-z.,]+)\s+)?(\*|\d{1,2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, dayList, hour, minute] = match;
  const days = dayList === undefined ? everyDay : parseDays(dayList);
  const hours = hour === '*' ? everyHour : [Number(hour)];
  if (!days || hours.some((h) => h > 23) || Number(minute) > 59) return undefined;
  return { days, hours, minute: Number(minute) };
}

function parseDays(list: string): Set<number> | undefined {
  const days = new Set<number>();
  for (const part of list.split(',')) {
    const [from, to] = part.split('..').map((name) => dayNames.indexOf(name.slice(0, 3)));
    if (from === undefined || from < 0 || (to !== undefined && to < 0)) return undefined;
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day);
      if (to === undefined || day === to) break;
    }
  }
  return days;
}

/** The first run strictly after `afterSeconds` (unix seconds), within the next eight days. */
export function nextRun(event: CalendarEvent, afterSeconds: number): number | undefined {
  const start = Math.floor(afterSeconds / 60) * 60;
  const dayStart = start - (start % 86_400);
  for (let dayOffset = 0; dayOffset <= 8; dayOffset++) {
    const midnight = dayStart + dayOffset * 86_400;
    if (!event.days.has(new Date(midnight * 1000).getUTCDay())) continue;
    for (const hour of event.hours) {
      const at = midnight + hour * 3_600 + event.minute * 60;
      if (at > afterSeconds) return at;
    }
  }
  return undefined;
}

/** The longest gap between two runs, in hours: how old the newest backup of a covered guest may get. */
export function longestGapHours(event: CalendarEvent): number {
  const runs: number[] = [];
  for (let day = 0; day < 7; day++)
    if (event.days.has(day)) for (const hour of event.hours) runs.push(day * 24 + hour + event.minute / 60);
  if (runs.length === 0) return Infinity;
  runs.sort((a, b) => a - b);
  let longest = runs[0]! + 168 - runs.at(-1)!;
  for (let index = 1; index < runs.length; index++) longest = Math.max(longest, runs[index]! - runs[index - 1]!);
  return longest;
}
