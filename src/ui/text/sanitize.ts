import { stripVTControlCharacters } from 'node:util';

/**
 * Text as the terminal may show it. Model output, tool results, VM names and
 * log lines come from outside: escape sequences in them could move the
 * cursor, rewrite the screen or fake a dialog.
 * Safety: every string the transcript shows passes through here first.
 */
export function sanitizeText(text: string): string {
  return (
    stripVTControlCharacters(text)
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, '  ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '')
  );
}
