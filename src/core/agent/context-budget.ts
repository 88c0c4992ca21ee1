import type { ChatMessage } from '../chat-model.js';

const keepRecentResults = 2;

/**
 * Compaction, done once per session when the context fills: every tool result
 * but the most recent ones is replaced by its first line, marked as compacted.
 * The system prompt, the user's words and the model's answers stay.
 */
export function compactToolResults(messages: readonly ChatMessage[]): { messages: ChatMessage[]; compacted: number } {
  const toolIndexes = messages.flatMap((message, index) => (message.role === 'tool' ? [index] : []));
  const old = new Set(toolIndexes.slice(0, Math.max(0, toolIndexes.length - keepRecentResults)));
  let compacted = 0;
  const next = messages.map((message, index) => {
    if (!old.has(index) || message.role !== 'tool') return message;
    compacted++;
    const firstLine = message.content.split('\n', 1)[0]!.slice(0, 200);
    return {
      ...message,
      content: `[compacted to save context; call ${message.toolName} again for details] ${firstLine}`,
    };
  });
  return { messages: next, compacted };
}

/** Caps one tool result before it enters the history. */
export function capToolText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}\n[... ${text.length - maxChars} more characters cut; narrow the request (filters, limit) to see them]`;
}
