/** A stretch of model text that may hold tool calls, as one recognizer found it. */
export interface Segment {
  start: number;
  end: number;
  /**
   * Written in syntax made only for tool calls (special tokens, call tags). A
   * name there that no tool has is still a call, and validation answers it
   * `invalid`; elsewhere (fences, bare JSON, lines) only known names count.
   */
  dedicated: boolean;
  payload: Payload;
}

export type Payload =
  /**
   * Calls as JSON (or Python-literal) objects and arrays, or Python-style calls
   * when `python`. `open` when no closing marker ended the stretch, so the
   * calls may be followed by prose; `bodyStart` is where `body` begins.
   */
  | { kind: 'calls'; body: string; bodyStart: number; python: boolean; open: boolean }
  /** A name, and its arguments as literal text: maybe fenced, maybe empty, maybe one bare value. */
  | { kind: 'named'; name: string; args: string }
  /** A name, and its arguments as tag fields whose values are still text. */
  | { kind: 'fields'; name: string; fields: Array<[key: string, value: string]> };

/** Finds the segments of one syntax family in a text; `toolNames` for syntaxes that carry the name as a tag. */
export type Recognizer = (text: string, toolNames: readonly string[]) => Iterable<Segment>;
