import { unicodeGlyphs, type Glyphs } from './glyphs.js';

/** How the UI draws and tells time; run-tui sets it from the terminal, tests inject a clock. */
export interface UiSettings {
  glyphs: Glyphs;
  color: boolean;
  /** Milliseconds; the dialog guard and the Ctrl-C window read it. */
  now(): number;
  /** Keys pressed sooner than this after a dialog opens are ignored: they were typed before it appeared. */
  keyGuardMs: number;
}

export const defaultUiSettings: UiSettings = { glyphs: unicodeGlyphs, color: true, now: () => performance.now(), keyGuardMs: 400 };
