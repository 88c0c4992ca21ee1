import type { ChatMessage, ChatToolSpec } from '../chat-model.js';

/**
 * The append-only conversation with a running size, so checking whether the
 * next request fits the context costs nothing per step. The estimate is
 * cautious (bytes / 3.5) so we compact before Ollama would truncate silently.
 */
export class History {
  private readonly items: ChatMessage[] = [];
  private bytes = 0;
  private readonly toolBytes: number;

  constructor(tools: readonly ChatToolSpec[]) {
    this.toolBytes = Buffer.byteLength(JSON.stringify(tools));
  }

  get messages(): readonly ChatMessage[] {
    return this.items;
  }

  push(message: ChatMessage): void {
    this.items.push(message);
    this.bytes += Buffer.byteLength(JSON.stringify(message)) + 1;
  }

  /** Replaces every message (compaction); the only change that is not an append. */
  replace(messages: readonly ChatMessage[]): void {
    this.items.splice(0, this.items.length);
    this.bytes = 0;
    for (const message of messages) this.push(message);
  }

  estimatedTokens(): number {
    return Math.ceil((this.bytes + this.toolBytes) / 3.5);
  }
}
