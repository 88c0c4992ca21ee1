import { useInput } from 'ink';
import { useRef } from 'react';
import type { StepLimitChoice } from '../../core/agent/agent-session.js';
import { useUi } from '../ui-context.js';
import type { PendingQuestion } from './usePendingQuestions.js';

const choices: Record<string, StepLimitChoice> = { c: 'continue', w: 'wrap-up', s: 'stop' };

/** The keys of the step-limit question: c continue, w wrap up, s or Esc stop. */
export function useStepLimitPrompt(pending: PendingQuestion<null, StepLimitChoice> | null, enabled: boolean): void {
  const { now, keyGuardMs } = useUi();
  const opened = useRef<{ id: number; at: number } | null>(null);
  if (pending && opened.current?.id !== pending.id) opened.current = { id: pending.id, at: now() };
  useInput(
    (input, key) => {
      if (!pending || key.ctrl) return;
      // Safety: as in the confirmation dialog, type-ahead never answers the question.
      if (now() - (opened.current?.at ?? 0) < keyGuardMs) return;
      if (key.escape) return pending.answer('stop');
      const choice = input.length === 1 ? choices[input] : undefined;
      if (choice) pending.answer(choice);
    },
    { isActive: enabled && pending !== null },
  );
}
