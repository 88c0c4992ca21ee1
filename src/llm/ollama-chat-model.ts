import type { AbortableAsyncIterator, ChatRequest as OllamaChatRequest, ChatResponse } from 'ollama';
import type { ChatChunk, ChatModel, ChatRequest, ChatToolCall } from '../core/chat-model.js';
import { ModelAbortedError } from './errors.js';
import { ollamaClient, type OllamaEndpoint } from './ollama-endpoint.js';
import { toModelError } from './ollama-failure.js';
import { parseChatChunk, toolCallsOf, toOllamaMessage, toOllamaTool, usageOf } from './ollama-wire.js';
import { ThinkingStream } from './thinking-stream.js';

/** Long enough that the model (and its KV cache) stays loaded between the turns of a session. */
export const defaultKeepAlive = '30m';

export interface OllamaChatModelOptions {
  endpoint: OllamaEndpoint;
  model: string;
  /** Sent as `options.num_ctx` on every request, so Ollama never falls back to its own (small) default. */
  numCtx: number;
  /** `think` on the wire; left out when undefined (models without the thinking capability). */
  think?: boolean;
  keepAlive?: string;
}

/**
 * `ChatModel` on Ollama's `/api/chat`, streaming. Everything but the messages
 * and tools is fixed per instance, so consecutive requests of a session differ
 * only by the messages appended at the end (Ollama then reuses its KV cache).
 */
export class OllamaChatModel implements ChatModel {
  readonly name: string;
  readonly contextLength: number;
  readonly #endpoint: OllamaEndpoint;
  readonly #think: boolean | undefined;
  readonly #keepAlive: string;

  constructor(options: OllamaChatModelOptions) {
    this.name = options.model;
    this.contextLength = options.numCtx;
    this.#endpoint = options.endpoint;
    this.#think = options.think;
    this.#keepAlive = options.keepAlive ?? defaultKeepAlive;
  }

  /**
   * Yields text deltas (without the model's reasoning), then at most one
   * `tool-calls` chunk holding every call of the turn (Ollama may send them in
   * any chunk, often the last), then `done`.
   * Throws ModelAbortedError when the signal aborts, whatever the phase.
   */
  async *chat(request: ChatRequest): AsyncGenerator<ChatChunk, void, undefined> {
    const { signal } = request;
    if (signal.aborted) throw new ModelAbortedError(this.name);
    const context = { host: this.#endpoint.host, model: this.name, signal };
    let stream: AbortableAsyncIterator<ChatResponse>;
    try {
      stream = await ollamaClient(this.#endpoint, signal).chat(this.#body(request));
    } catch (error) {
      throw toModelError(error, { ...context, phase: 'request' });
    }
    const calls: ChatToolCall[] = [];
    const thinking = new ThinkingStream();
    let finished = false;
    try {
      for await (const part of stream) {
        const chunk = parseChatChunk(part);
        const delta = chunk.message?.content ? thinking.push(chunk.message.content) : '';
        if (delta) yield { type: 'text', delta };
        calls.push(...toolCallsOf(chunk));
        if (chunk.done) {
          finished = true;
          const rest = thinking.end();
          if (rest) yield { type: 'text', delta: rest };
          if (calls.length > 0) yield { type: 'tool-calls', calls };
          yield { type: 'done', usage: usageOf(chunk) };
          return;
        }
      }
    } catch (error) {
      throw toModelError(error, { ...context, phase: 'stream' });
    } finally {
      // The consumer may stop early (break, an exception): stop reading the response too.
      if (!finished) stream.abort();
    }
  }

  /** Key order and values are fixed, so the bytes only change where the messages grew. */
  #body(request: ChatRequest): OllamaChatRequest & { stream: true } {
    return {
      model: this.name,
      messages: request.messages.map(toOllamaMessage),
      tools: request.tools.map(toOllamaTool),
      stream: true,
      ...(this.#think === undefined ? {} : { think: this.#think }),
      keep_alive: this.#keepAlive,
      options: { num_ctx: this.contextLength },
    };
  }
}
