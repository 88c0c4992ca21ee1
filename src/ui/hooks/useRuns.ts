import { useCallback, useEffect, useRef, type Dispatch } from 'react';
import type { AgentEvent } from '../../core/agent/events.js';
import type { StepLimitChoice } from '../../core/agent/agent-session.js';
import type { ToolOutcome } from '../../core/call-outcome.js';
import type { TuiBackend } from '../backend.js';
import type { RunOrigin } from '../state/entries.js';
import type { UiAction } from '../state/ui-reducer.js';
import type { RunTracker } from '../run-tracker.js';

export interface Runs {
  /** Sends a question to the model. */
  ask(question: string): Promise<void>;
  /** Runs a slash command's tool call through the backend's scheduler; `onOutcome` hears how it ended. */
  callTool(tool: string, args: Record<string, unknown>, onOutcome?: (outcome: ToolOutcome) => void): Promise<void>;
  /** Aborts the running turn or call, if any. */
  abort(): void;
  /** Whether a turn or call is running now (the rendered state may be a frame behind). */
  running(): boolean;
}

/**
 * One run at a time, each with its own abort controller and run number
 * (events of a run update only that run's cards). Unmounting aborts it.
 */
export function useRuns(
  backend: TuiBackend,
  dispatch: Dispatch<UiAction>,
  askStepLimit: (signal: AbortSignal) => Promise<StepLimitChoice>,
  onSettled: () => void,
  tracker?: RunTracker,
): Runs {
  const controller = useRef<AbortController | null>(null);
  const counter = useRef(0);

  const run = useCallback(
    async (origin: RunOrigin, work: (emit: (event: AgentEvent) => void, signal: AbortSignal) => Promise<unknown>) => {
      const number = ++counter.current;
      const abort = new AbortController();
      controller.current = abort;
      dispatch({ type: 'run-started', run: number, origin });
      const running = work((event) => dispatch({ type: 'event', run: number, event }), abort.signal);
      tracker?.track(running);
      try {
        await running;
      } catch (error) {
        dispatch({ type: 'notice', tone: 'error', text: error instanceof Error ? error.message : String(error) });
      } finally {
        if (controller.current === abort) controller.current = null;
        dispatch({ type: 'run-finished', run: number });
        onSettled();
      }
    },
    [dispatch, onSettled, tracker],
  );

  const ask = useCallback(
    (question: string) =>
      run('agent', (emit, signal) => backend.ask(question, { emit, onStepLimit: () => askStepLimit(signal) }, signal)),
    [backend, run, askStepLimit],
  );
  const callTool = useCallback(
    (tool: string, args: Record<string, unknown>, onOutcome?: (outcome: ToolOutcome) => void) =>
      run('tui', async (emit, signal) => {
        const outcome = await backend.callTool(tool, args, { emit }, signal);
        onOutcome?.(outcome);
        return outcome;
      }),
    [backend, run],
  );
  const abort = useCallback(() => controller.current?.abort(), []);
  const running = useCallback(() => controller.current !== null, []);

  useEffect(() => () => controller.current?.abort(), []);
  return { ask, callTool, abort, running };
}
