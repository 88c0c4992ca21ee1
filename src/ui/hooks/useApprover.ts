import { useEffect } from 'react';
import type { ConfirmAnswer, ConfirmRequest } from '../../core/approver.js';
import { terminalSafe } from '../../shared/terminal-text.js';
import type { TuiBackend } from '../backend.js';

const abortedAnswer: ConfirmAnswer = { approved: false, decidedBy: 'human', note: 'the user aborted the turn' };

/** Installs the dialog as the backend's approver while the UI is mounted; without it, ask means deny. The dialog shows the request sanitized. */
export function useApprover(
  backend: TuiBackend,
  ask: (request: ConfirmRequest, signal: AbortSignal, onAbort: ConfirmAnswer) => Promise<ConfirmAnswer>,
): void {
  useEffect(() => {
    backend.setApprover({ confirm: (request, signal) => ask(terminalSafe(request), signal, abortedAnswer) });
    return () => backend.setApprover(null);
  }, [backend, ask]);
}
