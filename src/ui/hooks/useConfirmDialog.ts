import { useInput } from 'ink';
import { useState } from 'react';
import type { ConfirmAnswer, ConfirmRequest } from '../../core/approver.js';
import type { DialogStep } from '../layout/dialog-lines.js';
import { dialogChunk, initialStep } from '../state/dialog-keys.js';
import { useUi } from '../ui-context.js';
import type { PendingQuestion } from './usePendingQuestions.js';

interface DialogState {
  id: number;
  step: DialogStep;
  details: boolean;
  openedAt: number;
}

/**
 * The confirmation dialog's state and keys. It holds the keyboard while open;
 * nothing else (streamed text, a new card) can take it away.
 */
export function useConfirmDialog(
  pending: PendingQuestion<ConfirmRequest, ConfirmAnswer> | null,
  enabled: boolean,
): { step: DialogStep; details: boolean } | null {
  const { now, keyGuardMs } = useUi();
  const [state, setState] = useState<DialogState | null>(null);
  let current = state;
  if (pending && state?.id !== pending.id) {
    current = { id: pending.id, step: initialStep(pending.question), details: false, openedAt: now() };
    setState(current);
  }
  useInput(
    (input, key) => {
      if (!pending || !current || current.id !== pending.id) return;
      // Safety: keys typed before the dialog appeared (type-ahead meant for the input line) never answer it.
      if (now() - current.openedAt < keyGuardMs) return;
      const result = dialogChunk(pending.question, current.step, current.details, input, key);
      if (result.kind === 'answered') pending.answer(result.answer);
      else if (result.kind === 'changed') setState({ ...current, step: result.step, details: result.details });
    },
    { isActive: enabled && pending !== null },
  );
  return pending && current ? { step: current.step, details: current.details } : null;
}
