import type { ConfirmAnswer, ConfirmRequest } from '../../core/approver.js';
import { typedAnswers, type DialogStep } from '../layout/dialog-lines.js';
import { sanitizeText } from '../text/sanitize.js';
import { chunkSteps } from './typed-chunk.js';

/** The parts of Ink's Key the dialog reads. */
export interface DialogKey {
  return: boolean;
  escape: boolean;
  backspace: boolean;
  delete: boolean;
  tab: boolean;
  ctrl: boolean;
  meta: boolean;
}

export type DialogKeyResult =
  | { kind: 'ignored' }
  | { kind: 'changed'; step: DialogStep; details: boolean }
  | { kind: 'answered'; answer: ConfirmAnswer };

const allowOnce: ConfirmAnswer = { approved: true, decidedBy: 'human' };
const deny: ConfirmAnswer = { approved: false, decidedBy: 'human' };

export function initialStep(request: ConfirmRequest): DialogStep {
  return request.confirm === 'typed' ? { kind: 'typed', value: '', mismatch: false } : { kind: 'keys' };
}

const noKey: DialogKey = {
  return: false,
  escape: false,
  backspace: false,
  delete: false,
  tab: false,
  ctrl: false,
  meta: false,
};

/**
 * One read from the terminal in the dialog. Several keys can arrive in one
 * read (SSH, tmux send-keys): in the text fields each acts in order, so "abc",
 * three Backspaces and "100" give "100". Plain confirmation takes a single
 * key only: a read of several keys is typing meant elsewhere.
 */
export function dialogChunk(
  request: ConfirmRequest,
  step: DialogStep,
  details: boolean,
  input: string,
  key: DialogKey,
): DialogKeyResult {
  const steps = input.length > 1 && !key.ctrl && !key.meta ? chunkSteps(input, false) : null;
  if (!steps || steps.length <= 1)
    return dialogKey(request, step, details, steps?.[0]?.type === 'text' ? steps[0].text : input, key);
  if (step.kind === 'keys') return { kind: 'ignored' };
  let result: DialogKeyResult = { kind: 'ignored' };
  let current: { step: DialogStep; details: boolean } = { step, details };
  for (const part of steps) {
    const next = dialogKey(request, current.step, current.details, part.type === 'text' ? part.text : '', {
      ...noKey,
      return: part.type === 'enter',
      tab: part.type === 'tab',
      backspace: part.type === 'backspace',
      ctrl: part.type === 'ctrl',
    });
    if (next.kind === 'answered') return next;
    if (next.kind === 'changed') {
      result = next;
      current = { step: next.step, details: next.details };
    }
  }
  return result;
}

/**
 * One key in the confirmation dialog. Plain confirmation answers to single
 * keys only (a chunk like "yes" is typing that was meant elsewhere); typed
 * confirmation needs the exact vmid or name and Enter.
 */
export function dialogKey(
  request: ConfirmRequest,
  step: DialogStep,
  details: boolean,
  input: string,
  key: DialogKey,
): DialogKeyResult {
  const changed = (next: DialogStep, nextDetails = details): DialogKeyResult => ({
    kind: 'changed',
    step: next,
    details: nextDetails,
  });
  if (key.ctrl || (key.meta && !key.escape)) return { kind: 'ignored' };
  switch (step.kind) {
    case 'keys': {
      if (key.escape) return { kind: 'answered', answer: deny };
      if (input.length !== 1) return { kind: 'ignored' };
      switch (input) {
        case 'y':
          return { kind: 'answered', answer: allowOnce };
        case 'a':
          // Safety: a session grant never covers typed confirmation (docs/architecture.md, "Policy"); this step only exists for plain.
          return { kind: 'answered', answer: { approved: true, decidedBy: 'human', grantForSession: true } };
        case 'n':
          return { kind: 'answered', answer: deny };
        case 'e':
          return changed({ kind: 'note', note: '' });
        case 'd':
          return changed(step, !details);
        default:
          return { kind: 'ignored' };
      }
    }
    case 'note': {
      if (key.escape) return changed({ kind: 'keys' });
      if (key.return) {
        const note = step.note.trim();
        return { kind: 'answered', answer: note === '' ? deny : { ...deny, note } };
      }
      if (key.tab) return changed(step, !details);
      return changed({ kind: 'note', note: editField(step.note, input, key) });
    }
    case 'typed': {
      if (key.escape) return { kind: 'answered', answer: deny };
      if (key.return) {
        if (typedAnswers(request).includes(step.value.trim())) return { kind: 'answered', answer: allowOnce };
        return changed({ ...step, mismatch: true });
      }
      if (key.tab) return changed(step, !details);
      return changed({ kind: 'typed', value: editField(step.value, input, key), mismatch: false });
    }
  }
}

function editField(value: string, input: string, key: DialogKey): string {
  if (key.backspace || key.delete) return Array.from(value).slice(0, -1).join('');
  return value + sanitizeText(input).replace(/\n/g, ' ');
}
