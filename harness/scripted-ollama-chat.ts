import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { ChatBody, ChatEnd, ScriptedToolCall, ScriptedTurn } from './scripted-ollama-types.js';

/** Deterministic fake timings, in nanoseconds like Ollama's. */
export const timing = { loadNs: 1_000_000, promptNsPerToken: 250_000, evalNsPerToken: 20_000_000 };

/** What a chat template would turn into tokens: the tools, then each message; bytes/4 per token. */
export function renderPrompt(body: ChatBody): string {
  return [JSON.stringify(body.tools ?? []), ...body.messages.map((message) => JSON.stringify(message))].join('\n');
}

export function tokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text) / 4);
}

export function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

interface TurnContext {
  model: string;
  promptEvalCount: number;
  chunkDelayMs: number;
  createdAt: string;
}

/** Streams one scripted turn as Ollama's NDJSON; resolves with how it ended. */
export async function streamTurn(res: ServerResponse, turn: ScriptedTurn, context: TurnContext): Promise<ChatEnd> {
  const closed = closedPromise(res);
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  const pause = turn.chunkDelayMs ?? context.chunkDelayMs;
  const send = async (line: object): Promise<boolean> => {
    if (pause > 0) await delay(pause);
    if (res.destroyed) return false;
    res.write(`${JSON.stringify(line)}\n`);
    return true;
  };
  const message = (content: string, toolCalls?: ScriptedToolCall[]) => ({
    model: context.model,
    created_at: context.createdAt,
    message: { role: 'assistant', content, ...(toolCalls ? { tool_calls: toolCalls.map(wireCall) } : {}) },
    done: false,
  });
  for (const delta of textChunks(turn)) if (!(await send(message(delta)))) return 'client-closed';
  if (turn.streamError !== undefined) {
    await send({ error: turn.streamError });
    res.end();
    return 'complete';
  }
  if (turn.hang) return closed;
  if (turn.cut === 'mid-line') {
    const line = JSON.stringify(message('the rest of the answer'));
    // Cut only once the half line has left, so the client sees it before the connection drops.
    await new Promise((resolve) => res.write(line.slice(0, Math.floor(line.length / 2)), resolve));
    res.socket?.destroy();
    return 'cut';
  }
  const calls = turn.toolCalls ?? [];
  const placement = turn.toolCallsIn ?? 'chunk';
  if (calls.length > 0 && placement === 'chunk' && !(await send(message('', calls)))) return 'client-closed';
  if (placement === 'chunks') for (const call of calls) if (!(await send(message('', [call])))) return 'client-closed';
  const final = {
    ...message('', placement === 'done' && calls.length > 0 ? calls : undefined),
    done: true,
    ...stats(turn, context),
  };
  if (!(await send(final))) return 'client-closed';
  res.end();
  return 'complete';
}

/** The whole turn as one JSON answer (`stream: false`). */
export function answerTurn(res: ServerResponse, turn: ScriptedTurn, context: TurnContext): ChatEnd {
  if (turn.streamError !== undefined) {
    res
      .writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify({ error: turn.streamError }));
    return 'complete';
  }
  const calls = turn.toolCalls ?? [];
  const body = {
    model: context.model,
    created_at: context.createdAt,
    message: {
      role: 'assistant',
      content: textChunks(turn).join(''),
      ...(calls.length > 0 ? { tool_calls: calls.map(wireCall) } : {}),
    },
    done: true,
    ...stats(turn, context),
  };
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  return 'complete';
}

function stats(turn: ScriptedTurn, context: TurnContext) {
  const evalCount = Math.max(1, tokens(textChunks(turn).join('') + JSON.stringify(turn.toolCalls ?? [])));
  const promptNs = context.promptEvalCount * timing.promptNsPerToken;
  const evalNs = evalCount * timing.evalNsPerToken;
  return {
    done_reason: turn.doneReason ?? 'stop',
    total_duration: timing.loadNs + promptNs + evalNs,
    load_duration: timing.loadNs,
    prompt_eval_count: context.promptEvalCount,
    prompt_eval_duration: promptNs,
    eval_count: evalCount,
    eval_duration: evalNs,
  };
}

function textChunks(turn: ScriptedTurn): string[] {
  if (turn.text === undefined) return [];
  return typeof turn.text === 'string' ? [turn.text] : turn.text;
}

function wireCall(call: ScriptedToolCall) {
  return { function: { name: call.name, arguments: call.arguments } };
}

function closedPromise(res: ServerResponse): Promise<ChatEnd> {
  return new Promise((resolve) => res.on('close', () => resolve(res.writableFinished ? 'complete' : 'client-closed')));
}
