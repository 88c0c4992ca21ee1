import { unicodeGlyphs, type Glyphs } from './glyphs.js';

/** How the UI draws and tells time; run-tui sets it from the terminal, tests inject a clock. */
export interface UiSettings {
  glyphs: Glyphs;
  color: boolean;
  /** Milliseconds; the dialog guard and the Ctrl-C window read it. */
  now(): number;
  /** Keys pressed sooner than this after a dialog opens are ignored: they were typed before it appeared. */
  keyGuardMs: number;
  /** Agent events reach the screen at most once per this many milliseconds; 0 applies them at once (tests). */
  frameMs: number;
}

/** Frames per second at most: smooth enough for a spinner and a stream, cheap over SSH. */
export const maxFps = 30;

export const defaultUiSettings: UiSettings = {
  glyphs: unicodeGlyphs,
  color: true,
  now: () => performance.now(),
  keyGuardMs: 400,
  frameMs: 1000 / maxFps,
};
