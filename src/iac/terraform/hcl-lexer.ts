/** Tokens of the HCL subset we generate (see hcl-parser.ts). */
export type HclToken =
  | { type: 'ident'; text: string; line: number; column: number }
  | { type: 'string'; text: string; line: number; column: number }
  | { type: 'number'; text: string; line: number; column: number }
  | { type: '{' | '}' | '[' | ']' | '=' | ',' | 'newline' | 'eof'; text: string; line: number; column: number };

export class HclSyntaxError extends Error {
  constructor(message: string, line: number, column: number) {
    super(`HCL line ${line}, column ${column}: ${message}`);
    this.name = 'HclSyntaxError';
  }
}

const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

export function lexHcl(source: string): HclToken[] {
  const tokens: HclToken[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  const column = () => index - lineStart + 1;
  const fail = (message: string): never => {
    throw new HclSyntaxError(message, line, column());
  };
  while (index < source.length) {
    const char = source[index]!;
    if (char === '\n') {
      tokens.push({ type: 'newline', text: '\n', line, column: column() });
      index++;
      line++;
      lineStart = index;
    } else if (char === ' ' || char === '\t' || char === '\r') {
      index++;
    } else if (char === '#' || source.startsWith('//', index)) {
      while (index < source.length && source[index] !== '\n') index++;
    } else if ('{}[]=,'.includes(char)) {
      tokens.push({ type: char as '{', text: char, line, column: column() });
      index++;
    } else if (char === '"') {
      const start = column();
      index++;
      let text = '';
      for (;;) {
        const next = source[index];
        if (next === undefined || next === '\n') fail('unterminated string');
        if (next === '"') break;
        if (next === '\\') {
          const escaped = source[index + 1] ?? '';
          if (escapes[escaped] === undefined) fail(`unsupported escape \\${escaped}`);
          text += escapes[escaped];
          index += 2;
        } else if (source.startsWith('$${', index) || source.startsWith('%%{', index)) {
          text += `${next}{`;
          index += 3;
        } else if (source.startsWith('${', index) || source.startsWith('%{', index)) {
          fail('template interpolation is not allowed in generated HCL');
        } else {
          text += next;
          index++;
        }
      }
      index++;
      tokens.push({ type: 'string', text, line, column: start });
    } else if (/[0-9-]/.test(char)) {
      const match = /^-?\d+(\.\d+)?/.exec(source.slice(index));
      if (!match) fail(`unexpected '${char}'`);
      tokens.push({ type: 'number', text: match![0], line, column: column() });
      index += match![0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(index))!;
      tokens.push({ type: 'ident', text: match[0], line, column: column() });
      index += match[0].length;
    } else {
      fail(`unexpected '${char}'`);
    }
  }
  tokens.push({ type: 'eof', text: '', line, column: column() });
  return tokens;
}
