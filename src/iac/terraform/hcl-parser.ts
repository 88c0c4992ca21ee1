import { HclSyntaxError, lexHcl, type HclToken } from './hcl-lexer.js';
import type { HclItem, HclObject, HclValue } from './hcl-model.js';

/**
 * A strict parser of the HCL subset we generate: blocks with quoted labels,
 * attributes whose values are literals (strings without interpolation,
 * numbers, booleans), lists and objects. Anything else (expressions,
 * references, functions, heredocs) is a syntax error, so the check cannot be
 * fooled by text that only looks like configuration.
 */
export function parseHcl(source: string): HclItem[] {
  return new Parser(lexHcl(source)).body('eof');
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: HclToken[]) {}

  body(end: 'eof' | '}'): HclItem[] {
    const items: HclItem[] = [];
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (token.type === end) return items;
      if (token.type !== 'ident')
        this.fail(token, `expected an attribute or block name, found '${token.text || token.type}'`);
      items.push(this.item());
    }
  }

  private item(): HclItem {
    const name = this.next();
    if (this.peek().type === '=') {
      this.next();
      const value = this.value();
      this.endOfLine();
      return { kind: 'attribute', name: name.text, value };
    }
    const labels: string[] = [];
    while (this.peek().type === 'string') labels.push(this.next().text);
    this.expect('{');
    const body = this.body('}');
    this.expect('}');
    this.endOfLine();
    return { kind: 'block', type: name.text, labels, body };
  }

  private value(): HclValue {
    const token = this.next();
    if (token.type === 'string') return token.text;
    if (token.type === 'number') return Number(token.text);
    if (token.type === 'ident' && (token.text === 'true' || token.text === 'false')) return token.text === 'true';
    if (token.type === '[') return this.list();
    if (token.type === '{') return this.object();
    return this.fail(
      token,
      `expected a literal value, found '${token.text || token.type}' (expressions are not allowed)`,
    );
  }

  private list(): HclValue[] {
    const items: HclValue[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.peek().type === ']') break;
      items.push(this.value());
      this.skipNewlines();
      if (this.peek().type !== ',') break;
      this.next();
    }
    this.skipNewlines();
    this.expect(']');
    return items;
  }

  private object(): HclObject {
    const result: HclObject = {};
    for (;;) {
      this.skipNewlines();
      if (this.peek().type === '}') break;
      const key = this.next();
      if (key.type !== 'ident' && key.type !== 'string') this.fail(key, 'expected an object key');
      if (Object.hasOwn(result, key.text)) this.fail(key, `duplicate key '${key.text}'`);
      this.expect('=');
      result[key.text] = this.value();
      if (this.peek().type === ',') this.next();
    }
    this.expect('}');
    return result;
  }

  private endOfLine(): void {
    const token = this.peek();
    if (token.type === 'newline') this.next();
    else if (token.type !== 'eof' && token.type !== '}') this.fail(token, `expected a new line, found '${token.text}'`);
  }

  private skipNewlines(): void {
    while (this.peek().type === 'newline') this.next();
  }

  private expect(type: HclToken['type']): HclToken {
    const token = this.next();
    if (token.type !== type) this.fail(token, `expected '${type}', found '${token.text || token.type}'`);
    return token;
  }

  private peek(): HclToken {
    return this.tokens[this.position]!;
  }

  private next(): HclToken {
    const token = this.tokens[this.position]!;
    if (token.type !== 'eof') this.position++;
    return token;
  }

  private fail(token: HclToken, message: string): never {
    throw new HclSyntaxError(message, token.line, token.column);
  }
}
