/**
 * The port the agent loop talks to a model through. The Ollama adapter in
 * src/llm implements it; tests use the scripted Ollama peer behind that adapter.
 */

export interface ChatToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ChatToolCall[] }
  | { role: 'tool'; toolName: string; content: string };

/** A tool as the model sees it: JSON Schema parameters (Ollama drops most constraints). */
export interface ChatToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface ChatUsage {
  promptTokens: number;
  evalTokens: number;
  promptMs: number;
  evalMs: number;
  totalMs: number;
  /** Ollama's done_reason, e.g. "stop", "length". */
  doneReason?: string;
}

export type ChatChunk =
  { type: 'text'; delta: string } | { type: 'tool-calls'; calls: ChatToolCall[] } | { type: 'done'; usage: ChatUsage };

export interface ChatRequest {
  messages: readonly ChatMessage[];
  tools: readonly ChatToolSpec[];
  signal: AbortSignal;
}

export interface ChatModel {
  /** The model name as the server knows it, e.g. "qwen3:8b". */
  readonly name: string;
  /** The context window sent with every request (num_ctx). */
  readonly contextLength: number;
  /** Streams one assistant turn; ends with a `done` chunk. Aborting the signal ends it early. */
  chat(request: ChatRequest): AsyncIterable<ChatChunk>;
}
