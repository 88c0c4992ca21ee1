import type { ChatToolCall, ChatToolSpec } from '../../core/chat-model.js';
import { coerceArguments } from './coerce-arguments.js';
import { parseLiteral } from './loose-literal.js';
import type { PythonCall } from './python-call.js';

export type ToolIndex = ReadonlyMap<string, ChatToolSpec>;

/**
 * How names are judged. `known`: only registered tools make a call (bare
 * JSON, fences and lines may be data or prose). `any`: the syntax was made for
 * tool calls, so an unknown name is a call too, and validation answers it
 * `invalid` (docs/architecture.md, "The one pipeline"); names are never guessed.
 */
export type NameRule = 'known' | 'any';

/** Keys that name the tool; a call object has exactly one. */
const nameKeys = ['name', 'tool_name', 'tool', 'function'] as const;
/** Keys that hold the arguments; a call object has at most one. */
const argumentKeys = ['arguments', 'parameters', 'args', 'input', 'tool_input'] as const;
/** Every key a call object may carry; any other key means it is data, not a call. */
const callKeys = new Set<string>([...nameKeys, ...argumentKeys, 'type', 'id', 'index', 'tool_call_id']);

/**
 * The calls a parsed value stands for, or undefined when it is not entirely
 * calls. Shapes: `{name, arguments}`, `{name, parameters}`, Command-R's
 * `{tool_name, parameters}`, `{tool, args}` and the like, `{type: "function",
 * function: {...}}`, `{function: {...}}`, `{tool_calls: [...]}`, and arrays of those.
 */
export function callsFromValue(value: unknown, tools: ToolIndex, rule: NameRule): ChatToolCall[] | undefined {
  if (Array.isArray(value)) {
    const calls = value.map((item) => callsFromValue(item, tools, rule));
    return calls.length > 0 && calls.every((call) => call !== undefined) ? calls.flat() : undefined;
  }
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 1 && Array.isArray(value.tool_calls)) return callsFromValue(value.tool_calls, tools, rule);
  if (
    isObject(value.function) &&
    keys.every((key) => key === 'function' || key === 'type' || key === 'id' || key === 'index')
  ) {
    return callsFromValue(value.function, tools, rule);
  }
  const names = nameKeys.filter((key) => key in value);
  const argKeys = argumentKeys.filter((key) => key in value);
  const name = names.length === 1 ? value[names[0]!] : undefined;
  if (typeof name !== 'string' || argKeys.length > 1 || !keys.every((key) => callKeys.has(key))) return undefined;
  const args = argumentsOf(argKeys.length === 1 ? value[argKeys[0]!] : undefined);
  const call = args && callOf(name, args, tools, rule);
  return call ? [call] : undefined;
}

/** A name with arguments already read; undefined when the name does not pass the rule. */
export function callOf(
  rawName: string,
  args: Record<string, unknown>,
  tools: ToolIndex,
  rule: NameRule,
): ChatToolCall | undefined {
  const name = bareName(rawName);
  const tool = tools.get(name);
  if (tool) return { name: tool.name, arguments: coerceArguments(args, tool.parameters) };
  return rule === 'any' && /^[A-Za-z_][\w.-]{0,100}$/.test(name) ? { name, arguments: args } : undefined;
}

/** A Python-style call; positional arguments fill the schema's required properties in order. */
export function callFromPython(call: PythonCall, tools: ToolIndex, rule: NameRule): ChatToolCall | undefined {
  const tool = tools.get(bareName(call.name));
  if (!tool) return call.positional.length === 0 ? callOf(call.name, call.named, tools, rule) : undefined;
  const required = Array.isArray(tool.parameters.required)
    ? tool.parameters.required.filter((key) => typeof key === 'string')
    : [];
  if (call.positional.length > required.length) return undefined;
  const args: Record<string, unknown> = Object.fromEntries([
    ...call.positional.map((value, i) => [required[i]!, value] as const),
    ...Object.entries(call.named),
  ]);
  return callOf(tool.name, args, tools, rule);
}

/**
 * Parameter tags: values are text; one the schema does not want as a string
 * is read as a literal when it is one (`101`, `true`, `["a"]`).
 */
export function callFromFields(
  rawName: string,
  fields: ReadonlyArray<readonly [string, string]>,
  tools: ToolIndex,
  rule: NameRule,
): ChatToolCall | undefined {
  const properties = tools.get(bareName(rawName))?.parameters.properties;
  const args: Record<string, unknown> = {};
  for (const [key, text] of fields) {
    const schema = isObject(properties) ? properties[key] : undefined;
    const wantsText = isObject(schema) && schema.type === 'string';
    const literal = wantsText ? undefined : parseLiteral(text);
    Object.defineProperty(args, key, {
      value: literal ? literal.value : text,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return callOf(rawName, args, tools, rule);
}

/** Arguments as an object, a JSON (or Python-literal) string of one, or absent. */
function argumentsOf(raw: unknown): Record<string, unknown> | undefined {
  if (raw === undefined || raw === null) return {};
  if (isObject(raw)) return raw;
  if (typeof raw !== 'string') return undefined;
  if (raw.trim() === '') return {};
  const parsed = parseLiteral(raw);
  return parsed && isObject(parsed.value) ? parsed.value : undefined;
}

/** `functions.vm_status` / `default_api.vm_status` -> `vm_status`. */
function bareName(name: string): string {
  return name.trim().replace(/^(functions|default_api)\./, '');
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
