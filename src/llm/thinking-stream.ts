import { firstMarker, thinkingMarkers } from './thinking.js';
import { Scanner } from './recovery/scan.js';

const longestMarker = Math.max(...thinkingMarkers.flat().map((marker) => marker.length));

/**
 * Drops the model's reasoning from streamed text as it arrives, so it is
 * neither shown as the answer nor sent back in the history
 * (docs/architecture.md, "The agent loop"). A marker split across deltas is
 * held back until the next delta decides it. Text already passed on before
 * a closing marker that no opening one came before cannot be taken back; the
 * recovery of text calls skips it instead.
 */
export class ThinkingStream {
  #pending = '';
  #closer: string | undefined;
  #afterThinking = false;

  /** The answer text in `delta`, possibly with held-back text from before. */
  push(delta: string): string {
    let text = this.#pending + delta;
    this.#pending = '';
    if (this.#closer === undefined && !/[<[◁]/.test(text)) return this.#answer(text);
    let out = '';
    for (;;) {
      if (this.#closer !== undefined) {
        const close = text.indexOf(this.#closer);
        if (close === -1) {
          this.#pending = text.slice(text.length - heldBack(text, [this.#closer]));
          return out;
        }
        text = text.slice(close + this.#closer.length);
        this.#closer = undefined;
        this.#afterThinking = true;
        continue;
      }
      const marker = firstMarker(new Scanner(text), 0);
      if (!marker) {
        const hold = heldBack(text, thinkingMarkers.flat());
        this.#pending = text.slice(text.length - hold);
        return out + this.#answer(text.slice(0, text.length - hold));
      }
      out += this.#answer(text.slice(0, marker.at));
      text = text.slice(marker.at + marker.marker.length);
      if (marker.kind === 'open') this.#closer = marker.pair[1];
      else this.#afterThinking = true;
    }
  }

  /** What is left at the end of the stream: held-back text, unless it is unfinished reasoning. */
  end(): string {
    const rest = this.#closer === undefined ? this.#pending : '';
    this.#pending = '';
    return this.#answer(rest);
  }

  /** Answer text; the blank lines a template puts after the reasoning are dropped. */
  #answer(text: string): string {
    if (!this.#afterThinking) return text;
    const trimmed = text.trimStart();
    if (trimmed !== '') this.#afterThinking = false;
    return trimmed;
  }
}

/** How many characters at the end of `text` could begin one of the markers. */
function heldBack(text: string, markers: readonly string[]): number {
  for (let length = Math.min(longestMarker - 1, text.length); length > 0; length--) {
    const tail = text.slice(text.length - length);
    if (markers.some((marker) => marker.startsWith(tail))) return length;
  }
  return 0;
}
