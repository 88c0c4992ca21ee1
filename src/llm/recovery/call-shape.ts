import type { ChatToolCall, ChatToolSpec } from '../../core/chat-model.js';
import { coerceArguments } from './coerce-arguments.js';
import { parseLiteral } from './loose-literal.js';
import type { PythonCall } from './python-call.js';

export type ToolIndex = ReadonlyMap<string, ChatToolSpec>;

/** Keys a call object may carry besides its name and arguments; any other key means it is data, not a call. */
const callKeys = new Set(['name', 'arguments', 'parameters', 'type', 'id', 'index']);

/**
 * The calls a parsed value stands for, or undefined when it is not entirely
 * calls of registered tools. Shapes: `{name, arguments}`, `{name, parameters}`,
 * `{type: "function", function: {...}}`, `{function: {...}}`, `{tool_calls: [...]}`,
 * and arrays of those.
 */
export function callsFromValue(value: unknown, tools: ToolIndex): ChatToolCall[] | undefined {
  if (Array.isArray(value)) {
    const calls = value.map((item) => callsFromValue(item, tools));
    return calls.length > 0 && calls.every((call) => call !== undefined) ? calls.flat() : undefined;
  }
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 1 && Array.isArray(value.tool_calls)) return callsFromValue(value.tool_calls, tools);
  if (
    isObject(value.function) &&
    keys.every((key) => key === 'function' || key === 'type' || key === 'id' || key === 'index')
  ) {
    return callsFromValue(value.function, tools);
  }
  if (typeof value.name !== 'string' || !keys.every((key) => callKeys.has(key))) return undefined;
  const tool = tools.get(bareName(value.name));
  const args = argumentsOf(value.arguments ?? value.parameters);
  return tool && args ? [{ name: tool.name, arguments: coerceArguments(args, tool.parameters) }] : undefined;
}

/** A Python-style call; positional arguments fill the schema's required properties in order. */
export function callFromPython(call: PythonCall, tools: ToolIndex): ChatToolCall | undefined {
  const tool = tools.get(call.name);
  if (!tool) return undefined;
  const required = Array.isArray(tool.parameters.required)
    ? tool.parameters.required.filter((key) => typeof key === 'string')
    : [];
  if (call.positional.length > required.length) return undefined;
  const args: Record<string, unknown> = Object.fromEntries([
    ...call.positional.map((value, i) => [required[i]!, value] as const),
    ...Object.entries(call.named),
  ]);
  return { name: tool.name, arguments: coerceArguments(args, tool.parameters) };
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
