import type { ConfirmRequest } from '../../core/approver.js';
import type { TranscriptEntry } from './entries.js';

/**
 * The stated reason for the call a confirmation is about: the assistant text
 * before the newest unfinished card of that tool; null when the user typed
 * the call as a slash command.
 */
export function modelReasonFor(entries: readonly TranscriptEntry[], request: ConfirmRequest): string | null {
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index]!;
    if (entry.kind === 'tool' && entry.tool === request.tool && !entry.outcome)
      return entry.origin === 'tui' ? null : entry.reason;
  }
  return '';
}
