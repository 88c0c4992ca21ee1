/** The scripted Ollama peer's vocabulary: installed models, scripted turns, recorded requests. */

export interface ScriptedModel {
  /** As `/api/tags` lists it, e.g. "qwen3:8b" ("qwen3" means "qwen3:latest"). */
  name: string;
  /** `/api/show` capabilities; default ["completion", "tools"]. */
  capabilities?: string[];
  /** `model_info["<arch>.context_length"]`; default 40960. */
  contextLength?: number;
  /** `model_info["general.architecture"]`; default the family. */
  architecture?: string;
  /** `details.family`; default the name up to ":". */
  family?: string;
  /** `details.parameter_size`, e.g. "8.2B"; default "8.0B". */
  parameterSize?: string;
  /** `modified_at`; default 2026-01-01T00:00:00Z. */
  modifiedAt?: string;
}

export interface ScriptedToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

/**
 * One answer of the model. Text chunks stream first; then, depending on the
 * turn, tool calls, an `error` line, a hang, or the final `done` chunk.
 */
export interface ScriptedTurn {
  /** Content deltas, one NDJSON chunk each. */
  text?: string | string[];
  toolCalls?: ScriptedToolCall[];
  /**
   * Where the calls go: `chunk` (one chunk before done, as current Ollama does), `chunks` (one chunk per
   * call) or `done` (inside the final done chunk, as some versions do). Default `chunk`.
   */
  toolCallsIn?: 'chunk' | 'chunks' | 'done';
  /** Final `done_reason`; default "stop". */
  doneReason?: string;
  /** Milliseconds before each chunk; default the server's `chunkDelayMs` (0). */
  chunkDelayMs?: number;
  /** After the text, keep the response open until the client goes away. */
  hang?: boolean;
  /**
   * Drop the connection: `before-answer` right after reading the request, `mid-line` after the text and half
   * of the next line (as a crashed runner or a dropped proxy does).
   */
  cut?: 'before-answer' | 'mid-line';
  /** After the text, end the stream with `{"error": streamError}` (status stays 200, as in Ollama). */
  streamError?: string;
  /** Answer this status and `{"error": error}` instead of streaming. */
  httpError?: { status: number; error: string };
}

export interface RecordedRequest {
  method: string;
  path: string;
  rawBody: string;
  body: unknown;
}

/** The fields of a `/api/chat` body the tests look at. */
export interface ChatBody {
  model: string;
  messages: Array<Record<string, unknown>>;
  tools?: unknown[];
  stream?: boolean;
  think?: boolean | string;
  keep_alive?: string | number;
  options?: Record<string, unknown>;
}

export type ChatEnd = 'complete' | 'client-closed' | 'refused' | 'cut';

export interface RecordedChat {
  index: number;
  rawBody: string;
  body: ChatBody;
  /** bytes/4 of the rendered prompt (tools, then each message). */
  promptTokens: number;
  /** Tokens of the prompt shared with the previous request (same model and options), as a KV cache would. */
  cachedTokens: number;
  /** Settles when the server is done with this request. */
  ended: Promise<ChatEnd>;
}

/** Chooses the turn for a request when the queue of scripted turns is empty. */
export type TurnResponder = (chat: RecordedChat) => ScriptedTurn;
