/**
 * Safety: the one sanitizer for text that reaches a human's terminal. Text
 * from a cluster, a guest, a log or a model may carry escape sequences that
 * write the clipboard (OSC 52), plant links (OSC 8), clear the screen, or
 * reorder what is shown (bidirectional overrides). Every output path passes
 * its text here before any styling of our own is added, so what survives is
 * printable text, newlines and tabs; escape sequences (7-bit and 8-bit) are
 * removed whole, other control characters dropped, and bidirectional controls
 * shown as `<U+202E>`. One pass, linear in the text, and resumable across
 * chunks: a sequence split between two writes of a stream is removed too.
 */

type Mode = 'text' | 'escape' | 'csi' | 'string' | 'string-escape';

const ESC = 0x1b;
const BEL = 0x07;
const C1_CSI = 0x9b;
const C1_ST = 0x9c;
/** 8-bit OSC, DCS, SOS, PM and APC: each opens a string that runs to ST or BEL. */
const c1Strings = new Set([0x9d, 0x90, 0x98, 0x9e, 0x9f]);
/** After ESC: `]` OSC, `P` DCS, `X` SOS, `^` PM, `_` APC. */
const escapeStrings = new Set([0x5d, 0x50, 0x58, 0x5e, 0x5f]);

function isBidiControl(code: number): boolean {
  return (
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function visible(code: number): string {
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** A filter for one stream of text (one model answer, one output stream); `terminalText` for a single string. */
export class TerminalTextFilter {
  private mode: Mode = 'text';

  write(chunk: string): string {
    let out = '';
    let kept = 0;
    const keepUntil = (end: number) => {
      if (end > kept) out += chunk.slice(kept, end);
    };
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (this.mode === 'text') {
        if (code >= 0x20 && code < 0x7f) continue;
        if (code === 0x0a || code === 0x09 || (code > 0x9f && !isBidiControl(code))) continue;
        keepUntil(i);
        kept = i + 1;
        if (isBidiControl(code)) out += visible(code);
        else this.mode = this.opened(code);
        continue;
      }
      kept = i + 1;
      const next = this.step(code);
      if (next === 'again') {
        this.mode = 'text';
        i--;
        kept = i + 1;
      } else this.mode = next;
    }
    if (this.mode === 'text') keepUntil(chunk.length);
    return out;
  }

  /** The mode a control character in text opens; controls that open nothing are dropped. */
  private opened(code: number): Mode {
    if (code === ESC) return 'escape';
    if (code === C1_CSI) return 'csi';
    if (c1Strings.has(code)) return 'string';
    return 'text';
  }

  /** One character inside a sequence being removed; `again` ends the sequence and reads the character as text. */
  private step(code: number): Mode | 'again' {
    switch (this.mode) {
      case 'escape':
        if (code === 0x5b) return 'csi';
        if (escapeStrings.has(code)) return 'string';
        if (code >= 0x20 && code <= 0x2f) return 'escape';
        return code >= 0x30 && code <= 0x7e ? 'text' : 'again';
      case 'csi':
        if (code >= 0x20 && code <= 0x3f) return 'csi';
        return code >= 0x40 && code <= 0x7e ? 'text' : 'again';
      case 'string':
        if (code === BEL || code === C1_ST) return 'text';
        if (code === ESC) return 'string-escape';
        // Our choice: a string never swallows the next line, whatever a terminal would do.
        return code === 0x0a ? 'again' : 'string';
      case 'string-escape':
        if (code === 0x5c) return 'text';
        this.mode = 'escape';
        return this.step(code);
      default:
        return 'again';
    }
  }
}

/** `text` with escape sequences and control characters removed and bidirectional controls made visible. */
export function terminalText(text: string): string {
  return new TerminalTextFilter().write(text);
}

/**
 * JSON text whose strings hold no character a terminal acts on: JSON already
 * escapes C0 controls; DEL, C1 controls and bidirectional controls are
 * escaped here too (`\u009b`), so the JSON means exactly the same.
 */
export function jsonForTerminal(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A copy of `value` with every string in it (at any depth) passed through `terminalText`. */
export function terminalSafe<T>(value: T): T {
  if (typeof value === 'string') return terminalText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => terminalSafe(item)) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    Object.defineProperty(out, terminalText(key), {
      value: terminalSafe(item),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out as T;
}
