import type { JournalEntry } from './model.js';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const syslogPrefix = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) /;

/** `Nov 20 02:13:05`, as `journalctl -o short` prints it (the simulator's nodes run in UTC). */
export function syslogTime(ms: number): string {
  const date = new Date(ms);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${months[date.getUTCMonth()]} ${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}

/** The time of a syslog-style line, in the year that puts it at or before `now`. */
export function parseSyslogTime(line: string, now: number): number | undefined {
  const match = syslogPrefix.exec(line);
  if (!match) return undefined;
  const month = months.indexOf(match[1]!);
  if (month < 0) return undefined;
  const year = new Date(now).getUTCFullYear();
  const at = (y: number) => Date.UTC(y, month, Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5]));
  return at(year) <= now + 86_400_000 ? at(year) : at(year - 1);
}

/** Each node's system journal: the scenario's lines, then what the simulator's daemons log. */
export class Journal {
  private readonly entries = new Map<string, JournalEntry[]>();

  constructor(private readonly now: () => number) {}

  /** A scenario line: a full syslog line, or `{ts, text}` where text is `program[pid]: message`. */
  load(node: string, line: string | { ts: string; text: string }): void {
    if (typeof line === 'string') {
      this.push(node, { ts: parseSyslogTime(line, this.now()) ?? this.now(), line });
    } else {
      const ts = Date.parse(line.ts);
      this.push(node, { ts, line: `${syslogTime(ts)} ${node} ${line.text}` });
    }
  }

  /** A line a daemon writes now (or at `ts`), e.g. `pvedaemon[1423]: <root@pam> starting task UPID:...`. */
  log(node: string, text: string, ts = this.now()): void {
    this.push(node, { ts, line: `${syslogTime(ts)} ${node} ${text}` });
  }

  /** Orders every node's lines by time, keeping the order of lines with the same time. */
  sortByTime(): void {
    for (const list of this.entries.values()) list.sort((a, b) => a.ts - b.ts);
  }

  of(node: string): readonly JournalEntry[] {
    return this.entries.get(node) ?? [];
  }

  private push(node: string, entry: JournalEntry): void {
    const list = this.entries.get(node) ?? [];
    list.push(entry);
    this.entries.set(node, list);
  }
}
