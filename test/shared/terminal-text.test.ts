import { describe, expect, it } from 'vitest';
import { jsonForTerminal, TerminalTextFilter, terminalText } from '../../src/shared/terminal-text.js';
import { hostileTerminalText, terminalControls } from './hostile-text.js';

describe('terminalText', () => {
  it('removes an OSC 52 clipboard write, ended by BEL or by ST', () => {
    expect(terminalText('a\x1b]52;c;aGVsbG8=\x07b')).toBe('ab');
    expect(terminalText('a\x1b]52;c;aGVsbG8=\x1b\\b')).toBe('ab');
  });

  it('keeps the text of an OSC 8 link and drops the link', () => {
    expect(terminalText('see \x1b]8;;https://evil.example/\x1b\\the docs\x1b]8;;\x1b\\.')).toBe('see the docs.');
  });

  it('removes CSI sequences such as clear-screen and colours', () => {
    expect(terminalText('x\x1b[2Jy\x1b[1;31mz\x1b[0m')).toBe('xyz');
  });

  it('removes the 8-bit CSI and OSC forms', () => {
    expect(terminalText('x\u009b2Jy\u009d52;c;Zm9v\u009cz')).toBe('xyz');
  });

  it('removes a CSI with a very long parameter list in one pass', () => {
    expect(terminalText(`a\x1b[${'1;'.repeat(500_000)}mb`)).toBe('ab');
  });

  it('drops BEL, backspace, carriage return and DEL, and keeps newlines and tabs', () => {
    expect(terminalText('ring\x07 back\x08 cr\r\n\tnext\x7f')).toBe('ring back cr\n\tnext');
  });

  it('shows bidirectional overrides instead of obeying them', () => {
    expect(terminalText('file\u202Etxt.exe')).toBe('file<U+202E>txt.exe');
    expect(terminalText('\u2066x\u2069')).toBe('<U+2066>x<U+2069>');
  });

  it('keeps ordinary text, including non-ASCII letters and emoji, as it was', () => {
    const text = 'VM 101 (db-01) läuft — 🟢 ok; 日本語';
    expect(terminalText(text)).toBe(text);
  });

  it('does not let an unterminated OSC swallow the next line', () => {
    expect(terminalText('a\x1b]52;c;Zm9v\nnext line')).toBe('a\nnext line');
  });

  it('removes a sequence split across two chunks of one stream', () => {
    const filter = new TerminalTextFilter();
    expect(filter.write('answer \x1b]52;c;')).toBe('answer ');
    expect(filter.write('Zm9v\x07done \x1b')).toBe('done ');
    expect(filter.write('[2Jend')).toBe('end');
  });

  it('leaves nothing a terminal acts on in any hostile sample', () => {
    for (const sample of hostileTerminalText) expect(terminalText(sample)).not.toMatch(terminalControls);
  });
});

describe('jsonForTerminal', () => {
  it('escapes C1 and bidirectional controls so the JSON means the same and shows nothing raw', () => {
    const json = JSON.stringify({ status: 'x\u009b2J\u202Ey\x1b]52;c;Zm9v\x07' });
    const safe = jsonForTerminal(json);
    expect(safe).not.toMatch(terminalControls);
    expect(JSON.parse(safe)).toEqual(JSON.parse(json));
  });
});
