/**
 * A forgiving reader for the literals small models write: JSON, Python
 * literals (single quotes, True/False/None, tuples) and JS-style objects
 * (bare keys, trailing commas). It only reads values; it never evaluates.
 * Reading stops at a given end and at a nesting depth no tool argument
 * reaches, so a failed read costs at most the text it was allowed to see
 * (docs/architecture.md, "The agent loop").
 */

export interface Read<T> {
  value: T;
  /** Index just after what was read. */
  end: number;
}

export interface CallArguments {
  positional: unknown[];
  named: Record<string, unknown>;
}

const keywords: Record<string, unknown> = {
  true: true,
  false: false,
  null: null,
  True: true,
  False: false,
  None: null,
};
const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };
/** Deeper than any tool's arguments; a hostile `[[[[...` fails here instead of exhausting the stack. */
const maxDepth = 32;
const identifier = /[A-Za-z_$][\w$]*/y;
const number = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
/** Thrown and caught inside this file only; built once because prose full of braces fails often. */
const notALiteral = new SyntaxError('not a literal');

class LiteralReader {
  private depth = 0;

  constructor(
    readonly text: string,
    public pos: number,
    readonly end: number,
  ) {}

  value(): unknown {
    this.space();
    const char = this.peek();
    if (char === '{') return this.object();
    if (char === '[') return this.sequence(']');
    if (char === '(') return this.sequence(')');
    if (char === '"' || char === "'") return this.string();
    const word = this.match(identifier);
    if (word !== undefined) {
      if (word in keywords) return keywords[word];
      throw this.fail();
    }
    const digits = this.match(number);
    if (digits !== undefined) return Number(digits);
    throw this.fail();
  }

  /** `name=value, value, ...)`: the inside of a Python call, up to and including `)`. */
  callArguments(): CallArguments {
    const result: CallArguments = { positional: [], named: {} };
    for (;;) {
      this.space();
      if (this.eat(')')) return result;
      const start = this.pos;
      const name = this.match(identifier);
      this.space();
      if (name !== undefined && this.peek() === '=' && this.peek(1) !== '=') {
        this.pos++;
        define(result.named, name, this.value());
      } else {
        this.pos = start;
        if (Object.keys(result.named).length > 0) throw this.fail();
        result.positional.push(this.value());
      }
      this.space();
      if (!this.eat(',') && this.peek() !== ')') throw this.fail();
    }
  }

  private object(): Record<string, unknown> {
    this.enter();
    const result: Record<string, unknown> = {};
    for (;;) {
      this.space();
      if (this.eat('}')) return this.leave(result);
      const char = this.peek();
      const key = char === '"' || char === "'" ? this.string() : (this.match(identifier) ?? this.match(number));
      if (key === undefined) throw this.fail();
      this.space();
      if (!this.eat(':')) throw this.fail();
      define(result, key, this.value());
      this.space();
      if (!this.eat(',') && this.peek() !== '}') throw this.fail();
    }
  }

  private sequence(close: string): unknown[] {
    this.enter();
    const result: unknown[] = [];
    for (;;) {
      this.space();
      if (this.eat(close)) return this.leave(result);
      result.push(this.value());
      this.space();
      if (!this.eat(',') && this.peek() !== close) throw this.fail();
    }
  }

  private enter(): void {
    if (++this.depth > maxDepth) throw this.fail();
    this.pos++;
  }

  private leave<T>(value: T): T {
    this.depth--;
    return value;
  }

  private string(): string {
    const quote = this.text[this.pos++];
    let result = '';
    while (this.pos < this.end) {
      const char = this.text[this.pos++]!;
      if (char === quote) return result;
      if (char !== '\\') {
        result += char;
        continue;
      }
      const next = this.pos < this.end ? this.text[this.pos++]! : '';
      if (
        next === 'u' &&
        this.pos + 4 <= this.end &&
        /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos, this.pos + 4))
      ) {
        result += String.fromCharCode(parseInt(this.text.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else {
        result += escapes[next] ?? next;
      }
    }
    throw this.fail();
  }

  private match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text);
    if (!found || this.pos + found[0].length > this.end) return undefined;
    this.pos += found[0].length;
    return found[0];
  }

  private peek(ahead = 0): string | undefined {
    return this.pos + ahead < this.end ? this.text[this.pos + ahead] : undefined;
  }

  private eat(char: string): boolean {
    if (this.peek() !== char) return false;
    this.pos++;
    return true;
  }

  private space(): void {
    while (this.pos < this.end && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private fail(): Error {
    return notALiteral;
  }
}

/** An own property even for `__proto__`, as JSON.parse does: model output never reaches a prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** One value starting at `start` (after optional whitespace) and ending by `end`; undefined when there is none. */
export function readLiteral(text: string, start = 0, end = text.length): Read<unknown> | undefined {
  const reader = new LiteralReader(text, start, end);
  try {
    return { value: reader.value(), end: reader.pos };
  } catch {
    return undefined;
  }
}

/** The whole text as one value; the reader accepts all JSON, so JSON.parse (and its costly errors) is not needed. */
export function parseLiteral(text: string): { value: unknown } | undefined {
  const read = readLiteral(text);
  if (!read || !/^\s*$/.test(text.slice(read.end))) return undefined;
  return { value: read.value };
}

/** The arguments of a Python call, `start` just after its `(`. */
export function readCallArguments(text: string, start: number): Read<CallArguments> | undefined {
  const reader = new LiteralReader(text, start, text.length);
  try {
    return { value: reader.callArguments(), end: reader.pos };
  } catch {
    return undefined;
  }
}
