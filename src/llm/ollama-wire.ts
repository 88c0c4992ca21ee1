import type { Message, Tool } from 'ollama';
import { z } from 'zod';
import type { ChatMessage, ChatToolCall, ChatToolSpec, ChatUsage } from '../core/chat-model.js';

/** Our messages in Ollama's shape; the same message always gives the same bytes. */
export function toOllamaMessage(message: ChatMessage): Message {
  switch (message.role) {
    case 'tool':
      return { role: 'tool', content: message.content, tool_name: message.toolName };
    case 'assistant':
      return message.toolCalls && message.toolCalls.length > 0
        ? {
            role: 'assistant',
            content: message.content,
            tool_calls: message.toolCalls.map((call) => ({ function: { name: call.name, arguments: call.arguments } })),
          }
        : { role: 'assistant', content: message.content };
    default:
      return { role: message.role, content: message.content };
  }
}

export function toOllamaTool(tool: ChatToolSpec): Tool {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  };
}

const WireToolCall = z.object({
  function: z.object({
    name: z.string(),
    arguments: z.union([z.record(z.string(), z.unknown()), z.string()]).optional(),
  }),
});

/** One NDJSON line of `/api/chat`, as much of it as we use. */
const WireChatChunk = z.object({
  message: z.object({ content: z.string().optional(), tool_calls: z.array(WireToolCall).nullish() }).optional(),
  done: z.boolean().optional(),
  done_reason: z.string().optional(),
  prompt_eval_count: z.number().optional(),
  prompt_eval_duration: z.number().optional(),
  eval_count: z.number().optional(),
  eval_duration: z.number().optional(),
  total_duration: z.number().optional(),
});

export type WireChatChunk = z.infer<typeof WireChatChunk>;

/** Validates a streamed chunk; throws (becoming a stream error) when Ollama sends something else. */
export function parseChatChunk(value: unknown): WireChatChunk {
  const parsed = WireChatChunk.safeParse(value);
  if (!parsed.success) throw new Error(`unexpected chunk from Ollama: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export function toolCallsOf(chunk: WireChatChunk): ChatToolCall[] {
  return (chunk.message?.tool_calls ?? []).map((call) => ({
    name: call.function.name,
    arguments: argumentsOf(call.function.arguments),
  }));
}

/** Ollama reports durations in nanoseconds; a fully cached prompt may omit its counts. */
export function usageOf(chunk: WireChatChunk): ChatUsage {
  const usage: ChatUsage = {
    promptTokens: chunk.prompt_eval_count ?? 0,
    evalTokens: chunk.eval_count ?? 0,
    promptMs: nsToMs(chunk.prompt_eval_duration),
    evalMs: nsToMs(chunk.eval_duration),
    totalMs: nsToMs(chunk.total_duration),
  };
  if (chunk.done_reason !== undefined) usage.doneReason = chunk.done_reason;
  return usage;
}

function nsToMs(ns: number | undefined): number {
  return ns === undefined ? 0 : Math.round(ns / 1_000) / 1_000;
}

function argumentsOf(raw: Record<string, unknown> | string | undefined): Record<string, unknown> {
  if (raw === undefined) return {};
  if (typeof raw !== 'string') return raw;
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
