import { render, type Instance } from 'ink';
import type { TuiBackend } from './backend.js';
import { App } from './components/App.js';
import type { FrameSink } from './frame-sink.js';
import type { RunTracker } from './run-tracker.js';
import { UiContext } from './ui-context.js';
import type { UiSettings } from './ui-settings.js';

export interface MountOptions {
  stdin: NodeJS.ReadStream;
  sink: FrameSink;
  settings: UiSettings;
  tracker: RunTracker;
  onExit(code: number): void;
}

/** Renders the App with Ink in debug mode into the frame sink: Ink writes whole frames, the screen writer paints them. */
export function mountApp(backend: TuiBackend, options: MountOptions): Instance {
  return render(
    <UiContext.Provider value={options.settings}>
      <App backend={backend} onExit={options.onExit} tracker={options.tracker} />
    </UiContext.Provider>,
    {
      stdin: options.stdin,
      stdout: options.sink as unknown as NodeJS.WriteStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
}
