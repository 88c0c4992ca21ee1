import type { RecordedChat } from './scripted-ollama-types.js';

/**
 * The prefix property Ollama's KV cache needs: `next` sends the same model,
 * tools, options, think and keep_alive as `previous`, and its messages start
 * with exactly `previous`'s messages (compared as the client serialised them).
 */
export function extendsPrevious(previous: RecordedChat, next: RecordedChat): boolean {
  const { messages: before, ...restBefore } = previous.body;
  const { messages: after, ...restAfter } = next.body;
  if (JSON.stringify(sortedKeys(restBefore)) !== JSON.stringify(sortedKeys(restAfter))) return false;
  if (after.length < before.length) return false;
  return before.every((message, i) => JSON.stringify(message) === JSON.stringify(after[i]));
}

/** Share of requests (after the first) that extend the one before, in percent. */
export function prefixReusePct(chats: readonly RecordedChat[]): number {
  if (chats.length < 2) return 100;
  let kept = 0;
  for (let i = 1; i < chats.length; i++) if (extendsPrevious(chats[i - 1]!, chats[i]!)) kept++;
  return (kept / (chats.length - 1)) * 100;
}

function sortedKeys(value: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
