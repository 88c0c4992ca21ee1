import { render } from 'ink-testing-library';
import { App } from '../../../src/ui/components/App.js';
import { asciiGlyphs, unicodeGlyphs } from '../../../src/ui/glyphs.js';
import { UiContext } from '../../../src/ui/ui-context.js';
import type { UiSettings } from '../../../src/ui/ui-settings.js';
import { FakeBackend } from '../../../harness/fake-tui-backend.js';

export const keys = {
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  up: '\u001b[A',
  down: '\u001b[B',
  pageUp: '\u001b[5~',
  pageDown: '\u001b[6~',
  home: '\u001b[1~',
  end: '\u001b[4~',
  backspace: '\u007f',
  ctrlC: '\u0003',
  pasteStart: '\u001b[200~',
  pasteEnd: '\u001b[201~',
};

/** Lets Ink read stdin and React run its scheduled renders and effects: a few turns of the event loop, no timers. */
export async function settle(turns = 5): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export interface Harness {
  backend: FakeBackend;
  clock: { ms: number };
  frame(): string;
  type(...chunks: string[]): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  exits: number[];
  unmount(): void;
}

/** The App on ink-testing-library's streams with a fake backend, an injected clock, and 80x24 unless told. */
export async function renderApp(
  options: { backend?: FakeBackend; ascii?: boolean; color?: boolean; columns?: number; rows?: number } = {},
): Promise<Harness> {
  const backend = options.backend ?? new FakeBackend();
  const clock = { ms: 0 };
  const settings: UiSettings = {
    glyphs: options.ascii ? asciiGlyphs : unicodeGlyphs,
    color: options.color ?? true,
    now: () => clock.ms,
    keyGuardMs: 400,
    frameMs: 0,
  };
  const exits: number[] = [];
  const instance = render(
    <UiContext.Provider value={settings}>
      <App backend={backend} onExit={(code) => exits.push(code)} />
    </UiContext.Provider>,
  );
  const harness: Harness = {
    backend,
    clock,
    exits,
    frame: () => instance.lastFrame() ?? '',
    async type(...chunks) {
      for (const chunk of chunks) {
        instance.stdin.write(chunk);
        await settle();
      }
      await settle();
    },
    async resize(columns, rows) {
      Object.defineProperty(instance.stdout, 'columns', { value: columns, configurable: true });
      Object.defineProperty(instance.stdout, 'rows', { value: rows, configurable: true });
      instance.stdout.emit('resize');
      await settle();
    },
    unmount: () => instance.unmount(),
  };
  await harness.resize(options.columns ?? 80, options.rows ?? 24);
  return harness;
}
