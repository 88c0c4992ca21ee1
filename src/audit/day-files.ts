import fs from 'node:fs';

const dayFilePattern = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** The day file a record written at `time` belongs in: `YYYY-MM-DD.jsonl`, UTC. */
export function dayFileOf(time: Date): string {
  return `${time.toISOString().slice(0, 10)}.jsonl`;
}

export function isDayFile(name: string): boolean {
  return dayFilePattern.test(name);
}

/** The UTC day a day file covers, as a time at its midnight. */
export function dayOfFile(name: string): Date {
  return new Date(`${name.slice(0, 10)}T00:00:00.000Z`);
}

/** The day files in `dir`, oldest first; none when the directory does not exist yet. */
export function listDayFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter(isDayFile).sort();
}
