import type { ChatModel, ChatRequest, ChatToolCall, ChatUsage } from '../chat-model.js';
import type { AgentEvent } from './events.js';

export type StreamedTurn =
  | { kind: 'complete'; text: string; calls: ChatToolCall[]; usage?: ChatUsage }
  | { kind: 'cut'; text: string; usage?: ChatUsage }
  | { kind: 'aborted'; text: string; usage?: ChatUsage }
  | { kind: 'error'; text: string; error: unknown; usage?: ChatUsage };

/**
 * Reads one streamed assistant turn, passing text through and collecting tool calls from every chunk.
 * Text beyond `maxReplyBytes` (UTF-8) is never accepted: the turn ends `cut` and leaving the loop stops
 * the model's stream.
 */
export async function streamAssistantTurn(
  model: ChatModel,
  request: ChatRequest,
  emit: (event: AgentEvent) => void,
  maxReplyBytes: number,
): Promise<StreamedTurn> {
  let text = '';
  let bytes = 0;
  const calls: ChatToolCall[] = [];
  let usage: ChatUsage | undefined;
  try {
    for await (const chunk of model.chat(request)) {
      if (chunk.type === 'text') {
        const size = Buffer.byteLength(chunk.delta);
        const delta = bytes + size > maxReplyBytes ? cutToBytes(chunk.delta, maxReplyBytes - bytes) : chunk.delta;
        text += delta;
        if (delta) emit({ type: 'text', delta });
        if (delta !== chunk.delta) return { kind: 'cut', text };
        bytes += size;
      } else if (chunk.type === 'tool-calls') {
        calls.push(...chunk.calls);
      } else {
        usage = chunk.usage;
      }
    }
  } catch (error) {
    if (request.signal.aborted) return { kind: 'aborted', text, ...(usage ? { usage } : {}) };
    return { kind: 'error', text, error, ...(usage ? { usage } : {}) };
  }
  if (request.signal.aborted) return { kind: 'aborted', text, ...(usage ? { usage } : {}) };
  return { kind: 'complete', text, calls, ...(usage ? { usage } : {}) };
}

/** The longest start of `text` that fits in `max` UTF-8 bytes, never splitting a character. */
function cutToBytes(text: string, max: number): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    used += Buffer.byteLength(char);
    if (used > max) break;
    end += char.length;
  }
  return text.slice(0, end);
}
