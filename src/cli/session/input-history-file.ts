import fs from 'node:fs';
import type { Redactor } from '../../audit/index.js';
import { writePrivateFile } from '../../config/private-files.js';

const maxLines = 500;

/** Words that say a secret follows, and long unbroken runs of letters and digits that look like one. */
const secretWords = /\b(?:pass(?:word|wd|phrase)?|secret|token|api[-_]?key|private[-_ ]?key)\b\s*[:=]/i;
const secretRun = /[A-Za-z0-9+/_-]{32,}={0,2}/;

/**
 * What the input line remembers across sessions: one JSON string per line in
 * the state directory, 0600, the last 500 lines. A line that looks like it
 * holds a secret (what the audit redactor would redact, `password=...`, a long
 * token-like string) is never written.
 */
export class InputHistoryFile {
  private lines: string[];

  constructor(
    private readonly file: string,
    private readonly redactor: Redactor,
  ) {
    this.lines = read(file);
  }

  load(): readonly string[] {
    return this.lines;
  }

  add(line: string): void {
    const text = line.trim();
    if (text === '' || this.lines[this.lines.length - 1] === text || looksSecret(text, this.redactor)) return;
    this.lines = [...this.lines, text].slice(-maxLines);
    try {
      writePrivateFile(this.file, `${this.lines.map((entry) => JSON.stringify(entry)).join('\n')}\n`);
    } catch {
      // History is a convenience: a read-only or full state directory must not end the session.
    }
  }
}

export function looksSecret(text: string, redactor: Redactor): boolean {
  return redactor.redactText(text) !== text || secretWords.test(text) || secretRun.test(text);
}

function read(file: string): string[] {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return raw
    .split('\n')
    .flatMap((row) => {
      try {
        const value: unknown = JSON.parse(row);
        return typeof value === 'string' ? [value] : [];
      } catch {
        return [];
      }
    })
    .slice(-maxLines);
}
