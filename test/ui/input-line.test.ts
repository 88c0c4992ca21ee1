import { describe, expect, it } from 'vitest';
import { editInput, emptyInput, type InputEdit, type InputLine } from '../../src/ui/state/input-line.js';

const apply = (state: InputLine, ...edits: InputEdit[]) => edits.reduce(editInput, state);
const typed = (text: string) => apply(emptyInput, { type: 'insert', text });
const submit = (state: InputLine, text: string) => apply(state, { type: 'replace', text }, { type: 'submitted' });

describe('editInput', () => {
  it('inserts at the cursor', () => {
    expect(
      apply(typed('hllo'), { type: 'line-start' }, { type: 'right' }, { type: 'insert', text: 'e' }),
    ).toMatchObject({ text: 'hello', cursor: 2 });
  });

  it('deletes a whole emoji with one backspace', () => {
    expect(apply(typed('ok 👍'), { type: 'backspace' })).toMatchObject({ text: 'ok ', cursor: 3 });
  });

  it('kills the word before the cursor', () => {
    expect(apply(typed('/start 101'), { type: 'kill-word' }).text).toBe('/start ');
  });

  it('recalls submitted lines with Up, newest first, and restores the draft with Down', () => {
    const history = submit(submit(emptyInput, 'first'), 'second');
    const draft = apply(history, { type: 'insert', text: 'dra' });
    expect(apply(draft, { type: 'history-previous' }).text).toBe('second');
    expect(apply(draft, { type: 'history-previous' }, { type: 'history-previous' }).text).toBe('first');
    expect(
      apply(draft, { type: 'history-previous' }, { type: 'history-previous' }, { type: 'history-previous' }).text,
    ).toBe('first');
    expect(apply(draft, { type: 'history-previous' }, { type: 'history-next' })).toMatchObject({
      text: 'dra',
      historyIndex: null,
    });
  });

  it("puts earlier sessions' lines, arriving late, before this session's, once", () => {
    const state = submit(emptyInput, 'typed while connecting');
    const late = apply(state, { type: 'earlier-history', lines: ['old one', 'old two'] });
    expect(late.history).toEqual(['old one', 'old two', 'typed while connecting']);
    expect(apply(late, { type: 'earlier-history', lines: ['old one', 'old two'] }).history).toEqual(late.history);
  });

  it('does not record empty lines or the same line twice in a row', () => {
    const state = submit(submit(submit(emptyInput, 'a'), 'a'), '   ');
    expect(state.history).toEqual(['a']);
  });

  it('keeps newlines of a multi-line paste in the text', () => {
    expect(typed('line one\nline two').text).toBe('line one\nline two');
  });
});
