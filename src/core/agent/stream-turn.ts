import type { ChatModel, ChatRequest, ChatToolCall, ChatUsage } from '../chat-model.js';
import type { AgentEvent } from './events.js';

export type StreamedTurn =
  | { kind: 'complete'; text: string; calls: ChatToolCall[]; usage?: ChatUsage }
  | { kind: 'aborted'; text: string; usage?: ChatUsage }
  | { kind: 'error'; text: string; error: unknown; usage?: ChatUsage };

/** Reads one streamed assistant turn, passing text through and collecting tool calls from every chunk. */
export async function streamAssistantTurn(
  model: ChatModel,
  request: ChatRequest,
  emit: (event: AgentEvent) => void,
): Promise<StreamedTurn> {
  let text = '';
  const calls: ChatToolCall[] = [];
  let usage: ChatUsage | undefined;
  try {
    for await (const chunk of model.chat(request)) {
      if (chunk.type === 'text') {
        text += chunk.delta;
        emit({ type: 'text', delta: chunk.delta });
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
