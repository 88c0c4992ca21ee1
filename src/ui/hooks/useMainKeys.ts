import { useInput, type Key } from 'ink';
import { useRef } from 'react';
import type { ScrollKey } from '../layout/viewport.js';
import type { InputEdit } from '../state/input-line.js';
import { chunkSteps } from '../state/typed-chunk.js';

export interface MainKeyHandlers {
  edit(edit: InputEdit): void;
  /** Enter: submit the input, or toggle the marked card when it is empty. */
  enter(): void;
  complete(): void;
  scroll(key: ScrollKey): void;
  escape(): void;
  ctrlC(): void;
  /** `f` on an empty line: apply the fix of the marked, expanded diagnosis card; false when there is none. */
  applyFix(): boolean;
  /** Ctrl-T: the live view. */
  live(): void;
  /** Whether Up/Down browse history (not while the input holds several lines). */
  singleLine: boolean;
}

const pasteStart = '[200~';
const pasteEnd = '[201~';

const controlEdits: Record<string, InputEdit> = {
  a: { type: 'line-start' },
  e: { type: 'line-end' },
  u: { type: 'kill-to-start' },
  k: { type: 'kill-to-end' },
  w: { type: 'kill-word' },
};

/**
 * The keys of the main screen. Ctrl-C is always heard; the rest only when no
 * dialog or prompt holds the keyboard (`modal`).
 */
export function useMainKeys(handlers: MainKeyHandlers, options: { enabled: boolean; modal: boolean }): void {
  const pasting = useRef(false);
  useInput(
    (input: string, key: Key) => {
      if (key.ctrl && input === 'c') return handlers.ctrlC();
      if (options.modal) return;
      if (input === pasteStart || input === pasteEnd) {
        pasting.current = input === pasteStart;
        return;
      }
      const scroll = scrollKey(key);
      if (scroll) return handlers.scroll(scroll);
      if (key.escape) return handlers.escape();
      if (key.return) return pasting.current ? handlers.edit({ type: 'insert', text: '\n' }) : handlers.enter();
      if (key.tab) return handlers.complete();
      if (key.upArrow || key.downArrow) {
        if (handlers.singleLine) handlers.edit({ type: key.upArrow ? 'history-previous' : 'history-next' });
        return;
      }
      if (key.leftArrow || key.rightArrow) return handlers.edit({ type: key.leftArrow ? 'left' : 'right' });
      if (key.backspace || key.delete) return handlers.edit({ type: 'backspace' });
      if (key.ctrl) {
        if (input === 't') return handlers.live();
        const edit = controlEdits[input];
        if (edit) handlers.edit(edit);
        return;
      }
      if (key.meta || input === '') return;
      if (input === 'f' && handlers.applyFix()) return;
      for (const step of chunkSteps(input, pasting.current)) {
        if (step.type === 'text') handlers.edit({ type: 'insert', text: step.text });
        else if (step.type === 'enter') handlers.enter();
        else if (step.type === 'tab') handlers.complete();
        else if (step.type === 'backspace') handlers.edit({ type: 'backspace' });
        else if (step.letter === 'c') return handlers.ctrlC();
        else if (step.letter === 't') return handlers.live();
        else {
          const edit = controlEdits[step.letter];
          if (edit) handlers.edit(edit);
        }
      }
    },
    { isActive: options.enabled },
  );
}

function scrollKey(key: Key): ScrollKey | null {
  if (key.pageUp) return 'page-up';
  if (key.pageDown) return 'page-down';
  if (key.home) return 'home';
  if (key.end) return 'end';
  return null;
}
