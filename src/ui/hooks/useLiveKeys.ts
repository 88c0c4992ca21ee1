import { useInput, type Key } from 'ink';
import { useRef } from 'react';
import { liveColumns, type LiveColumn } from '../live/live-model.js';

/** The power keys of the live view and the tools they call (each through the usual confirmation). */
export const powerKeys: Readonly<Record<string, string>> = {
  u: 'start_vm',
  d: 'shutdown_vm',
  x: 'stop_vm',
  b: 'reboot_vm',
};

export interface LiveKeyHandlers {
  editingFilter: boolean;
  move(by: number): void;
  sort(column: LiveColumn): void;
  /** Enter: diagnose the selected guest. */
  diagnose(): void;
  power(tool: string): void;
  startFilter(): void;
  typeFilter(text: string): void;
  backspaceFilter(): void;
  /** Enter in the filter: keep it; Esc: clear it. */
  endFilter(keep: boolean): void;
  refresh(): void;
  close(): void;
  ctrlC(): void;
}

/**
 * The keys of the live view. Ctrl-C is always heard; the rest only when no
 * dialog holds the keyboard. Every key of a chunk acts, in order.
 */
export function useLiveKeys(handlers: LiveKeyHandlers, options: { enabled: boolean; modal: boolean }): void {
  // Keys of one burst arrive before the next render: the filter mode they switch is kept here at once.
  const editing = useRef(handlers.editingFilter);
  editing.current = handlers.editingFilter;
  const startFilter = () => {
    editing.current = true;
    handlers.startFilter();
  };
  const endFilter = (keep: boolean) => {
    editing.current = false;
    handlers.endFilter(keep);
  };
  useInput(
    (input: string, key: Key) => {
      if (key.ctrl && input === 'c') return handlers.ctrlC();
      if (options.modal) return;
      if (editing.current) {
        if (key.escape) return endFilter(false);
        if (key.return) return endFilter(true);
        if (key.backspace || key.delete) return handlers.backspaceFilter();
        if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow) return;
        const text = input.replace(/[\r\n]/g, '');
        if (text !== '') handlers.typeFilter(text);
        if (/[\r\n]/.test(input)) endFilter(true);
        return;
      }
      if (key.escape) return handlers.close();
      if (key.upArrow) return handlers.move(-1);
      if (key.downArrow) return handlers.move(1);
      if (key.pageUp) return handlers.move(-10);
      if (key.pageDown) return handlers.move(10);
      if (key.return) return handlers.diagnose();
      if (key.ctrl || key.meta) return;
      const chars = [...input];
      for (const [index, char] of chars.entries()) {
        const column = /^[1-8]$/.test(char) ? liveColumns[Number(char) - 1] : undefined;
        if (column) handlers.sort(column);
        else if (char === 'j') handlers.move(1);
        else if (char === 'k') handlers.move(-1);
        else if (char === 'q') return handlers.close();
        else if (char === 'r') handlers.refresh();
        else if (char === '\r' || char === '\n') return handlers.diagnose();
        else if (char === '/') {
          startFilter();
          const rest = chars.slice(index + 1).join('');
          const text = rest.split(/[\r\n]/)[0]!;
          if (text !== '') handlers.typeFilter(text);
          if (/[\r\n]/.test(rest)) endFilter(true);
          return;
        } else if (powerKeys[char]) return handlers.power(powerKeys[char]);
      }
    },
    { isActive: options.enabled },
  );
}
