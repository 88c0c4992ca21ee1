/**
 * Arguments written as tags, one per parameter, values as text:
 * `<parameter=vmid>101</parameter>` (Qwen3-Coder, Seed-OSS),
 * `<parameter name="vmid">101</parameter>` (MiniMax-M2 and XML-style prompts),
 * `<arg_key>vmid</arg_key><arg_value>101</arg_value>` (GLM-4.5).
 * Undefined unless the whole text is such tags; an empty text is no fields.
 */
export function readFields(text: string): Array<[string, string]> | undefined {
  const fields: Array<[string, string]> = [];
  const parameter = /\s*<parameter(?:=([^>\n]{1,100})|\s+name\s*=\s*["']([^"'\n]{1,100})["']\s*)>/y;
  const argKey = /\s*<arg_key>/y;
  const rest = /\s*$/y;
  let pos = 0;
  for (;;) {
    rest.lastIndex = pos;
    if (rest.test(text)) return fields;
    parameter.lastIndex = pos;
    argKey.lastIndex = pos;
    const head = parameter.exec(text);
    if (head) {
      const close = text.indexOf('</parameter>', parameter.lastIndex);
      if (close === -1) return undefined;
      fields.push([(head[1] ?? head[2]!).trim(), text.slice(parameter.lastIndex, close).trim()]);
      pos = close + '</parameter>'.length;
    } else if (argKey.exec(text)) {
      const keyEnd = text.indexOf('</arg_key>', argKey.lastIndex);
      const valueHead = /\s*<arg_value>/y;
      valueHead.lastIndex = keyEnd + '</arg_key>'.length;
      if (keyEnd === -1 || !valueHead.exec(text)) return undefined;
      const valueEnd = text.indexOf('</arg_value>', valueHead.lastIndex);
      if (valueEnd === -1) return undefined;
      fields.push([text.slice(argKey.lastIndex, keyEnd).trim(), text.slice(valueHead.lastIndex, valueEnd).trim()]);
      pos = valueEnd + '</arg_value>'.length;
    } else {
      return undefined;
    }
  }
}
