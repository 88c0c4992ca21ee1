import { describe, expect, it } from 'vitest';
import type { ConfirmRequest } from '../../src/core/approver.js';
import { dialogChunk, initialStep, type DialogKey } from '../../src/ui/state/dialog-keys.js';
import type { DialogStep } from '../../src/ui/layout/dialog-lines.js';

const plain: ConfirmRequest = {
  tool: 'start_vm',
  title: 'Start VM',
  risk: 'change',
  args: { vmid: 105 },
  target: { profile: 'demo', node: 'pve1', vmid: 105, name: 'ubuntu-2404-tmpl', tags: [] },
  confirm: 'plain',
  reason: 'rule changes-ask',
  ruleId: 'changes-ask',
};
const typed: ConfirmRequest = {
  ...plain,
  tool: 'stop_vm',
  risk: 'destructive',
  confirm: 'typed',
  target: { profile: 'demo', node: 'pve1', vmid: 101, name: 'db-01', tags: ['prod'] },
};
const none: DialogKey = {
  return: false,
  escape: false,
  backspace: false,
  delete: false,
  tab: false,
  ctrl: false,
  meta: false,
};
const press = (
  request: ConfirmRequest,
  input: string,
  key: Partial<DialogKey> = {},
  step: DialogStep = initialStep(request),
) => dialogChunk(request, step, false, input, { ...none, ...key });

/** Types each character of `text` into the typed field, then Enter. */
function typeThenEnter(text: string) {
  let step = initialStep(typed);
  for (const char of text) {
    const result = press(typed, char, {}, step);
    if (result.kind !== 'changed') throw new Error('expected the field to change');
    step = result.step;
  }
  return press(typed, '\r', { return: true }, step);
}

describe('dialogKey, plain confirmation', () => {
  it.each([
    ['y', { approved: true, decidedBy: 'human' }],
    ['a', { approved: true, decidedBy: 'human', grantForSession: true }],
    ['n', { approved: false, decidedBy: 'human' }],
  ])('answers %s', (input, answer) => {
    expect(press(plain, input)).toEqual({ kind: 'answered', answer });
  });

  it('denies on Esc', () => {
    expect(press(plain, '', { escape: true, meta: true })).toEqual({
      kind: 'answered',
      answer: { approved: false, decidedBy: 'human' },
    });
  });

  it('toggles details with d', () => {
    expect(press(plain, 'd')).toEqual({ kind: 'changed', step: { kind: 'keys' }, details: true });
  });

  it('ignores a chunk of typing such as "yes"', () => {
    expect(press(plain, 'yes')).toEqual({ kind: 'ignored' });
    expect(press(plain, 'y\r')).toEqual({ kind: 'ignored' });
  });

  it('ignores other keys and Ctrl combinations', () => {
    expect(press(plain, 'x')).toEqual({ kind: 'ignored' });
    expect(press(plain, 'y', { ctrl: true })).toEqual({ kind: 'ignored' });
  });

  it('sends a note with the denial after e', () => {
    const note = press(plain, 'e');
    expect(note).toEqual({ kind: 'changed', step: { kind: 'note', note: '' }, details: false });
    const written = press(plain, 'use vmbr0', {}, { kind: 'note', note: '' });
    expect(written).toEqual({ kind: 'changed', step: { kind: 'note', note: 'use vmbr0' }, details: false });
    expect(press(plain, '\r', { return: true }, { kind: 'note', note: 'use vmbr0 ' })).toEqual({
      kind: 'answered',
      answer: { approved: false, decidedBy: 'human', note: 'use vmbr0' },
    });
  });

  it('goes back from the note to the keys with Esc', () => {
    expect(press(plain, '', { escape: true }, { kind: 'note', note: 'x' })).toEqual({
      kind: 'changed',
      step: { kind: 'keys' },
      details: false,
    });
  });
});

describe('dialogKey, typed confirmation', () => {
  it('starts with an empty field and offers no plain keys', () => {
    expect(initialStep(typed)).toEqual({ kind: 'typed', value: '', mismatch: false });
    expect(press(typed, 'y')).toEqual({
      kind: 'changed',
      step: { kind: 'typed', value: 'y', mismatch: false },
      details: false,
    });
  });

  it('approves when the field holds the vmid or the name', () => {
    expect(typeThenEnter('101')).toEqual({ kind: 'answered', answer: { approved: true, decidedBy: 'human' } });
    expect(typeThenEnter('db-01')).toEqual({ kind: 'answered', answer: { approved: true, decidedBy: 'human' } });
  });

  it('says the field does not match and stays open', () => {
    expect(typeThenEnter('db-0')).toEqual({
      kind: 'changed',
      step: { kind: 'typed', value: 'db-0', mismatch: true },
      details: false,
    });
  });

  it('takes text and Enter arriving in one read', () => {
    expect(press(typed, '101\r')).toEqual({ kind: 'answered', answer: { approved: true, decidedBy: 'human' } });
  });

  it('applies every key of a chunk in order: abc, three Backspaces, 100', () => {
    expect(press(typed, 'abc\u007f\u007f\u007f100')).toEqual({
      kind: 'changed',
      step: { kind: 'typed', value: '100', mismatch: false },
      details: false,
    });
  });

  it('never answers a plain confirmation from a chunk of several keys', () => {
    expect(press(plain, 'y\r')).toEqual({ kind: 'ignored' });
  });

  it('denies on Esc', () => {
    expect(press(typed, '', { escape: true }, { kind: 'typed', value: '10', mismatch: false })).toEqual({
      kind: 'answered',
      answer: { approved: false, decidedBy: 'human' },
    });
  });

  it('edits the field with Backspace', () => {
    expect(press(typed, '', { backspace: true }, { kind: 'typed', value: '10', mismatch: true })).toEqual({
      kind: 'changed',
      step: { kind: 'typed', value: '1', mismatch: false },
      details: false,
    });
  });
});
