import type { ChatMessage, ChatModel, ChatToolCall, ChatToolSpec } from '../chat-model.js';
import { isToolError, type ToolOutcome } from '../call-outcome.js';
import type { ToolRequest } from '../scheduler.js';
import { callKey } from './call-key.js';
import { capToolText, compactToolResults } from './context-budget.js';
import { AppError } from '../../shared/errors.js';
import { History } from './history.js';
import { addUsage, type AgentEvent, type StopReason, type TurnUsage } from './events.js';
import { streamAssistantTurn } from './stream-turn.js';

export type StepLimitChoice = 'continue' | 'wrap-up' | 'stop';

export interface AgentDeps {
  model: ChatModel;
  /** The scheduler, bound to this session's dependencies: the only way a tool runs. */
  callTool(request: ToolRequest): Promise<ToolOutcome>;
  /** Sorted by name; the same array (same bytes) on every request. */
  tools: readonly ChatToolSpec[];
  systemPrompt: string;
  /** Recovers tool calls that a model wrote as text. */
  recoverToolCalls(text: string, tools: readonly ChatToolSpec[]): { calls: ChatToolCall[]; prose: string };
  maxSteps: number;
  /** Usage limits: tool calls per turn and per session (defaults 40 and 500). */
  maxCallsPerTurn?: number;
  maxCallsPerSession?: number;
  maxToolChars?: number;
  /** Bytes of the model's text per reply (`ai.maxReplyBytes`, default 64 KB); the rest is not read. */
  maxReplyBytes?: number;
  /** Asked when a turn reaches maxSteps; without it the turn stops. */
  onStepLimit?(): Promise<StepLimitChoice>;
  emit(event: AgentEvent): void;
}

export interface TurnResult {
  answer: string;
  stopReason: StopReason;
  usage: TurnUsage;
  outcomes: ToolOutcome[];
  /** The model-side error that ended the turn, when stopReason is 'error'. */
  error?: unknown;
}

const maxInvalidCalls = 3;
const defaultMaxReplyBytes = 65_536;
const sizeOf = (bytes: number) => (bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`);
const maxIdenticalCalls = 2;
const wrapUpPrompt = 'The step limit is reached. Answer now with what you have found so far; do not call more tools.';
/** Numbers the turns of every session in this process: the calls of one turn share reads (core/turn-reads.ts). */
let turnSerial = 0;

/**
 * One conversation with the model. History is append-only and the system
 * prompt and tool list never change, so each request extends the previous
 * one and Ollama can reuse its KV cache; the one exception is a single
 * compaction when the context fills.
 */
export class AgentSession {
  private readonly history: History;
  private compacted = false;
  private callIds = 0;
  private sessionCalls = 0;

  constructor(private readonly deps: AgentDeps) {
    this.history = new History(deps.tools);
    this.history.push({ role: 'system', content: deps.systemPrompt });
  }

  get messages(): readonly ChatMessage[] {
    return this.history.messages;
  }

  async runTurn(question: string, signal: AbortSignal): Promise<TurnResult> {
    const { deps } = this;
    this.history.push({ role: 'user', content: question });
    let usage: TurnUsage = {
      promptTokens: 0,
      evalTokens: 0,
      requests: 0,
      totalMs: 0,
      contextUsed: 0,
      contextLength: deps.model.contextLength,
    };
    const outcomes: ToolOutcome[] = [];
    const turn = `turn-${++turnSerial}`;
    const seen = new Map<string, number>();
    let invalid = 0;
    let steps = 0;
    let wrappingUp = false;
    const finish = (stopReason: StopReason, answer: string, error?: unknown): TurnResult => {
      usage = { ...usage, contextUsed: this.history.estimatedTokens() };
      deps.emit({ type: 'done', stopReason, answer, usage });
      return { answer, stopReason, usage, outcomes, ...(error === undefined ? {} : { error }) };
    };

    for (;;) {
      if (!this.fitsContext())
        return finish('context-full', 'The conversation no longer fits the model context; start a new session.');
      const streamed = await streamAssistantTurn(
        deps.model,
        { messages: this.history.messages, tools: deps.tools, signal },
        deps.emit,
        deps.maxReplyBytes ?? defaultMaxReplyBytes,
      );
      if (streamed.usage) usage = addUsage(usage, streamed.usage);
      if (streamed.kind === 'aborted') return finish('aborted', streamed.text);
      if (streamed.kind === 'cut') {
        this.history.push({ role: 'assistant', content: streamed.text });
        const cap = deps.maxReplyBytes ?? defaultMaxReplyBytes;
        return finish('reply-too-long', `Stopped: the model's reply was cut at ${sizeOf(cap)} (ai.maxReplyBytes).`);
      }
      if (streamed.kind === 'error') {
        const { error } = streamed;
        const message = error instanceof Error ? error.message : String(error);
        deps.emit({ type: 'error', message, code: AppError.isInstance(error) ? error.code : 'llm.error' });
        return finish('error', streamed.text, streamed.error);
      }
      let calls = streamed.calls;
      let text = streamed.text;
      if (calls.length === 0) {
        const recovered = deps.recoverToolCalls(text, deps.tools);
        if (recovered.calls.length > 0) ({ calls, prose: text } = recovered);
      }
      if (wrappingUp) calls = [];
      this.history.push({ role: 'assistant', content: text, ...(calls.length ? { toolCalls: calls } : {}) });
      if (calls.length === 0) return finish('answered', text);

      for (const call of calls) {
        if (outcomes.length >= (deps.maxCallsPerTurn ?? 40) || this.sessionCalls >= (deps.maxCallsPerSession ?? 500)) {
          this.history.push({
            role: 'tool',
            toolName: call.name,
            content: 'ERROR: the tool call limit is reached; answer with what you have.',
          });
          return finish(
            'call-limit',
            `Stopped: the tool call limit (ai.maxCallsPerTurn / ai.maxCallsPerSession) is reached.`,
          );
        }
        this.sessionCalls++;
        const key = callKey(call);
        const repeats = (seen.get(key) ?? 0) + 1;
        seen.set(key, repeats);
        if (repeats > maxIdenticalCalls) {
          this.history.push({
            role: 'tool',
            toolName: call.name,
            content: 'ERROR: this exact call was already made twice in this turn; use the earlier results.',
          });
          return finish('loop', `Stopped: the model repeated the same ${call.name} call. Results so far are above.`);
        }
        const outcome = await this.runCall(call, turn, signal);
        outcomes.push(outcome);
        if (outcome.status === 'invalid' && ++invalid >= maxInvalidCalls) {
          return finish('invalid-calls', `Stopped: the model made ${invalid} invalid tool calls in this turn.`);
        }
        if (outcome.status === 'aborted' || signal.aborted) return finish('aborted', text);
      }

      if (++steps >= deps.maxSteps && !wrappingUp) {
        const choice = deps.onStepLimit ? await deps.onStepLimit() : 'stop';
        if (choice === 'stop') return finish('max-steps', `Stopped after ${steps} tool rounds (ai.maxSteps).`);
        if (choice === 'wrap-up') {
          wrappingUp = true;
          this.history.push({ role: 'user', content: wrapUpPrompt });
        } else {
          steps = 0;
        }
      }
    }
  }

  private async runCall(call: ChatToolCall, turn: string, signal: AbortSignal): Promise<ToolOutcome> {
    const { deps } = this;
    const id = `c${++this.callIds}`;
    deps.emit({ type: 'tool-requested', id, tool: call.name, args: call.arguments });
    const outcome = await deps.callTool({
      tool: call.name,
      args: call.arguments,
      signal,
      turn,
      onProgress: (message) => deps.emit({ type: 'tool-progress', id, message }),
      onDecision: (decision) => deps.emit({ type: 'tool-decision', id, ...decision }),
    });
    deps.emit({ type: 'tool-result', id, outcome });
    const body = capToolText(outcome.text, deps.maxToolChars ?? 6000);
    this.history.push({
      role: 'tool',
      toolName: call.name,
      content: isToolError(outcome) ? `ERROR (${outcome.status}): ${body}` : body,
    });
    return outcome;
  }

  /** Compacts once when the next request would not fit; false when it still would not. */
  private fitsContext(): boolean {
    const budget = this.deps.model.contextLength * 0.85;
    if (this.history.estimatedTokens() <= budget) return true;
    if (this.compacted) return false;
    const { messages, compacted } = compactToolResults(this.history.messages);
    if (compacted === 0) return false;
    this.history.replace(messages);
    this.compacted = true;
    this.deps.emit({
      type: 'notice',
      message: `Context nearly full: ${compacted} older tool results were summarised.`,
    });
    return this.history.estimatedTokens() <= budget;
  }
}
