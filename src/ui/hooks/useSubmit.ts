import { useCallback, type Dispatch } from 'react';
import type { HeaderInfo, TuiBackend } from '../backend.js';
import { auditLines, helpLines, modelLines, policyLines } from '../commands/format-output.js';
import { parseSlash } from '../commands/parse-slash.js';
import type { NoticeTone } from '../state/entries.js';
import type { UiAction } from '../state/ui-reducer.js';
import type { Runs } from './useRuns.js';

export interface SubmitDeps {
  backend: TuiBackend;
  dispatch: Dispatch<UiAction>;
  runs: Runs;
  /** The model-unavailable banner; questions are refused while it stands. */
  banner: string | null;
  header: HeaderInfo;
  onHeader(header: HeaderInfo): void;
  onQuit(code: number): void;
  /** /top: open the live view. */
  onTop(): void;
}

const busyText = 'A turn is running: wait for it, or press Esc to abort it.';

/** What Enter does with the input: a question for the model, or a slash command. */
export function useSubmit(deps: SubmitDeps): (text: string) => void {
  const { backend, dispatch, runs, banner, header, onHeader, onQuit, onTop } = deps;
  return useCallback(
    (raw: string) => {
      const text = raw.trim();
      if (text === '') return;
      const notice = (tone: NoticeTone, message: string) => dispatch({ type: 'notice', tone, text: message });
      const output = (title: string, lines: string[]) => dispatch({ type: 'output', title, lines });
      const failed = (error: unknown) => notice('error', error instanceof Error ? error.message : String(error));
      const busy = runs.running();
      dispatch({ type: 'user-turn', text });
      if (!text.startsWith('/')) {
        if (banner !== null) return notice('warning', `${banner} Slash commands work meanwhile: /help lists them.`);
        if (busy) return notice('warning', busyText);
        void runs.ask(text);
        return;
      }
      const parsed = parseSlash(text, backend.completions().guests);
      if (!parsed.ok) return notice('error', parsed.message);
      const { command } = parsed;
      switch (command.kind) {
        case 'help':
          return output('Commands and keys', helpLines());
        case 'quit':
          return onQuit(0);
        case 'top':
          return onTop();
        case 'policy':
          try {
            return output('Policy', policyLines(backend.policySummary()));
          } catch (error) {
            return failed(error);
          }
        case 'audit':
          backend
            .auditTail(command.count)
            .then((lines) => output(`Audit trail, last ${command.count} records`, auditLines(lines)), failed);
          return;
        case 'model':
          if (command.name === null) return output('Model', modelLines(header));
          if (busy) return notice('warning', busyText);
          backend.setModel(command.name).then(
            (next) => {
              onHeader(next);
              notice('info', `Model switched to ${next.model ?? command.name}.`);
            },
            (error: unknown) => {
              failed(error);
              onHeader(backend.header());
            },
          );
          return;
        case 'clear':
          if (busy) return notice('warning', busyText);
          backend.clearConversation();
          dispatch({ type: 'clear' });
          return notice('info', 'New conversation; the audit trail goes on.');
        case 'tool':
          if (busy) return notice('warning', busyText);
          void runs.callTool(command.tool, command.args);
          return;
      }
    },
    [backend, dispatch, runs, banner, header, onHeader, onQuit, onTop],
  );
}
