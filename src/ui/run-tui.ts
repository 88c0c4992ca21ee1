import { ExitCode } from '../shared/exit-codes.js';
import type { TuiBackend } from './backend.js';
import { FrameSink } from './frame-sink.js';
import { asciiGlyphs, unicodeGlyphs } from './glyphs.js';
import { localeIsUtf8 } from './locale.js';
import { RunTracker } from './run-tracker.js';
import { ScreenWriter } from './screen-writer.js';
import { sanitizeText } from './text/sanitize.js';
import { enterFullScreen } from './terminal-screen.js';
import { defaultUiSettings, maxFps, type UiSettings } from './ui-settings.js';

export interface RunTuiOptions {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** False for NO_COLOR or --no-color. */
  color: boolean;
  /** Draw with ASCII only; decided from LC_ALL/LC_CTYPE/LANG when not given. */
  ascii?: boolean;
  onExit?: (code: number) => void;
}

let screen: Promise<typeof import('./mount-app.js')> | undefined;

/** Loads Ink, React and the App (once; later calls share the load). */
export function loadScreen(): Promise<typeof import('./mount-app.js')> {
  // React and Ink load their development builds unless NODE_ENV says production: several times the work per frame.
  // (The bundle fixes it at build time; the unbundled build reads it here, through a variable the bundler leaves alone.)
  const env = process.env;
  env.NODE_ENV ??= 'production';
  screen ??= import('./mount-app.js');
  return screen;
}

interface Ending {
  code: number;
  error?: unknown;
  /** The error came from opening the session, not from the screen. */
  opening?: boolean;
}

/** Exit codes for the signals that end a session: 128 + the signal number, as shells report them. */
const signalCodes = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
const settleRunsMs = 3000;

/**
 * The full-screen TUI, until the user quits; resolves with the exit code.
 * Owns the terminal: the alternate screen and bracketed paste on the way in,
 * and their undoing on every way out (quit, Ctrl-C twice, a crash, SIGTERM,
 * SIGHUP when the SSH link drops). Interactive exactly when stdout is a
 * terminal: then frames are painted live; otherwise only the last frame is
 * written, at the end. (Ink 6.8 has no `interactive` render option; Ink
 * renders into a FrameSink in debug mode, so its CI detection plays no part.)
 */
export async function runTui(backend: TuiBackend, options: RunTuiOptions): Promise<number> {
  const { mountApp } = await loadScreen();
  const { stdin, stdout } = options;
  const interactive = stdout.isTTY === true;
  const ascii = options.ascii ?? !localeIsUtf8(process.env);
  const settings: UiSettings = {
    ...defaultUiSettings,
    glyphs: ascii ? asciiGlyphs : unicodeGlyphs,
    color: options.color,
  };
  const size = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });

  let finish: (ending: Ending) => void = () => undefined;
  const ended = new Promise<Ending>((resolve) => {
    let done = false;
    finish = (ending) => {
      if (!done) resolve(ending);
      done = true;
    };
  });

  const screen = interactive ? enterFullScreen(stdout) : null;
  const writer = interactive ? new ScreenWriter(stdout, { maxFps }) : null;
  let lastFrame = '';
  let closing = false;
  const sink = new FrameSink(size(), (frame) => {
    // The frames Ink draws while unmounting are blank: a non-terminal keeps the last one the user saw.
    if (!closing && frame.trim() !== '') lastFrame = frame;
    writer?.paint(frame);
  });
  const resized = () => {
    sink.resize(size());
    writer?.invalidate();
  };
  const signalled = Object.entries(signalCodes).map(([signal, code]) => [signal, () => finish({ code })] as const);
  // Runs before Node prints a fatal error, so the message lands on the normal screen.
  const crashed = () => screen?.restore();
  const tracker = new RunTracker();
  let ending: Ending;
  let instance: ReturnType<typeof mountApp> | undefined;
  stdout.on('resize', resized);
  for (const [signal, handler] of signalled) process.on(signal, handler);
  process.on('uncaughtExceptionMonitor', crashed);
  try {
    instance = mountApp(backend, { stdin, sink, settings, tracker, onExit: (code) => finish({ code }) });
    // A session that fails to open ends the screen; its error is the command's error, reported as any other.
    backend.ready?.catch((error: unknown) => finish({ code: ExitCode.runtime, error, opening: true }));
    instance.waitUntilExit().then(
      () => finish({ code: ExitCode.ok }),
      (error: unknown) => finish({ code: ExitCode.runtime, error }),
    );
    ending = await ended;
  } finally {
    // After SIGHUP every write to the dead terminal fails; those failures must not crash the way out.
    stdout.on('error', () => undefined);
    closing = true;
    instance?.unmount();
    writer?.stop();
    screen?.restore();
    stdout.off('resize', resized);
    for (const [signal, handler] of signalled) process.off(signal, handler);
    process.off('uncaughtExceptionMonitor', crashed);
  }
  if (!interactive && lastFrame !== '') stdout.write(`${lastFrame}\n`);
  await tracker.settled(settleRunsMs);
  await backend.close();
  if (ending.opening) throw ending.error;
  if (ending.error !== undefined)
    process.stderr.write(
      `proxmox-ai: the screen failed: ${sanitizeText(ending.error instanceof Error ? ending.error.message : String(ending.error))}\n`,
    );
  options.onExit?.(ending.code);
  return ending.code;
}
