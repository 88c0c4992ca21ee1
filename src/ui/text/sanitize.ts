import { terminalText } from '../../shared/terminal-text.js';

/**
 * Text as the screen lays it out. Model output, tool results, VM names and
 * log lines come from outside: escape sequences in them could move the
 * cursor, rewrite the screen or fake a dialog.
 * Safety: every string the transcript shows passes through here first, and
 * this is the one terminal sanitizer (src/shared/terminal-text.ts) plus the
 * layout's spacing: tabs as two spaces, one kind of line break.
 */
export function sanitizeText(text: string): string {
  return terminalText(text.replace(/\r\n?/g, '\n'))
    .replace(/\t/g, '  ')
    .replace(/[\u2028\u2029]/g, '');
}
