import { describe, expect, it } from 'vitest';
import { localeIsUtf8 } from '../../src/ui/locale.js';
import { cellWidth } from '../../src/ui/text/cell-width.js';
import { sanitizeText } from '../../src/ui/text/sanitize.js';
import { truncateText, wrapText } from '../../src/ui/text/wrap.js';

describe('sanitizeText', () => {
  it('removes escape sequences and control characters that outside text could use to rewrite the screen', () => {
    expect(sanitizeText('db-01\u001b[2J\u001b]0;owned\u0007\u0008!')).toBe('db-01!');
  });

  it('keeps newlines and turns tabs and carriage returns into plain spacing', () => {
    expect(sanitizeText('a\tb\r\nc')).toBe('a  b\nc');
  });
});

describe('wrapText', () => {
  it('breaks at spaces', () => {
    expect(wrapText('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
  });

  it('breaks inside a word longer than the width', () => {
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('counts wide characters as two cells', () => {
    expect(cellWidth('日本')).toBe(4);
    expect(wrapText('日本語テキスト', 6)).toEqual(['日本語', 'テキス', 'ト']);
  });

  it('keeps empty lines', () => {
    expect(wrapText('a\n\nb', 10)).toEqual(['a', '', 'b']);
  });
});

describe('truncateText', () => {
  it('cuts to the width with the ellipsis inside it', () => {
    expect(truncateText('abcdefgh', 6, '...')).toBe('abc...');
    expect(truncateText('abc', 6, '...')).toBe('abc');
  });
});

describe('localeIsUtf8', () => {
  it('reads LC_ALL before LC_CTYPE before LANG', () => {
    expect(localeIsUtf8({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(localeIsUtf8({ LC_CTYPE: 'de_DE.utf8', LANG: 'C' })).toBe(true);
    expect(localeIsUtf8({ LC_ALL: '', LANG: 'C.UTF-8' })).toBe(true);
  });

  it('falls back to ASCII without any locale', () => {
    expect(localeIsUtf8({})).toBe(false);
  });
});
