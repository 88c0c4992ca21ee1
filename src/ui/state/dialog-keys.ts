import type { ConfirmAnswer, ConfirmRequest } from '../../core/approver.js';
import { typedAnswers, type DialogStep } from '../layout/confirm-dialog-lines.js';
import { sanitizeText } from '../text/sanitize.js';

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
  if (step.kind !== 'keys' && !key.return && /^[^\r\n]+(?:\r\n|\r|\n)$/.test(input)) {
    // Text and Enter in one read (a fast typist, tmux send-keys): the text, then Enter.
    const typed = dialogKey(request, step, details, input.replace(/[\r\n]+$/, ''), key);
    return typed.kind === 'changed'
      ? dialogKey(request, typed.step, typed.details, '', { ...key, return: true })
      : typed;
  }
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
