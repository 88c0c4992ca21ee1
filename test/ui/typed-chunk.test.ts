import { describe, expect, it } from 'vitest';
import { chunkSteps } from '../../src/ui/state/typed-chunk.js';

describe('chunkSteps', () => {
  it('reads text followed by Enter as typing and a submit', () => {
    expect(chunkSteps('hello\r', false)).toEqual([{ type: 'text', text: 'hello' }, { type: 'enter' }]);
  });

  it('reads Tab and Backspace inside a chunk as keys', () => {
    expect(chunkSteps('/he\t', false)).toEqual([{ type: 'text', text: '/he' }, { type: 'tab' }]);
    expect(chunkSteps('ab\u007fc', false)).toEqual([
      { type: 'text', text: 'ab' },
      { type: 'backspace' },
      { type: 'text', text: 'c' },
    ]);
  });

  it('reads Ctrl keys inside a chunk as keys, in order', () => {
    expect(chunkSteps('\u0015/sto\t', false)).toEqual([
      { type: 'ctrl', letter: 'u' },
      { type: 'text', text: '/sto' },
      { type: 'tab' },
    ]);
  });

  it('keeps every newline of a bracketed paste as text', () => {
    expect(chunkSteps('one\rtwo\r', true)).toEqual([{ type: 'text', text: 'one\ntwo\n' }]);
  });

  it('treats several lines outside a bracketed paste as pasted text, not as several submits', () => {
    expect(chunkSteps('one\ntwo', false)).toEqual([{ type: 'text', text: 'one\ntwo' }]);
  });

  it('drops escape sequences from pasted text', () => {
    expect(chunkSteps('a\u001b[2Jb', true)).toEqual([{ type: 'text', text: 'ab' }]);
  });
});
