import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ModelAbortedError,
  ModelNotFoundError,
  ModelStreamEndedError,
  ModelStreamError,
  OllamaUnavailableError,
  ModelWithoutToolsError,
} from '../../src/llm/errors.js';
import { OllamaChatModel } from '../../src/llm/ollama-chat-model.js';
import { ollamaEndpoint } from '../../src/llm/ollama-endpoint.js';
import { startScriptedOllama, type ScriptedOllama, type ScriptedOllamaOptions } from '../../harness/scripted-ollama.js';
import { collect, failure, modelOn, request } from './helpers.js';

let peer: ScriptedOllama | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

async function start(options: ScriptedOllamaOptions) {
  peer = await startScriptedOllama(options);
  return peer;
}

describe('OllamaChatModel', () => {
  it('streams text deltas and ends with the usage of the final chunk', async () => {
    const server = await start({ script: [{ text: ['VM 101 ', 'is stopped.'] }] });
    const chunks = await collect((await modelOn(server)).chat(request()));
    const prompt = server.chats[0]!.promptTokens;
    expect(chunks).toEqual([
      { type: 'text', delta: 'VM 101 ' },
      { type: 'text', delta: 'is stopped.' },
      {
        type: 'done',
        usage: {
          promptTokens: prompt,
          evalTokens: 5,
          promptMs: prompt * 0.25,
          evalMs: 100,
          totalMs: 1 + prompt * 0.25 + 100,
          doneReason: 'stop',
        },
      },
    ]);
  });

  it('collects tool calls that arrive only in the final done chunk', async () => {
    const server = await start({
      script: [{ toolCalls: [{ name: 'vm_status', arguments: { vmid: 101 } }], toolCallsIn: 'done' }],
    });
    const chunks = await collect((await modelOn(server)).chat(request()));
    expect(chunks.map((chunk) => chunk.type)).toEqual(['tool-calls', 'done']);
    expect(chunks[0]).toEqual({ type: 'tool-calls', calls: [{ name: 'vm_status', arguments: { vmid: 101 } }] });
  });

  it('gathers tool calls spread over several chunks into one tool-calls chunk', async () => {
    const calls = [
      { name: 'vm_status', arguments: { vmid: 101 } },
      { name: 'vm_status', arguments: { vmid: 102 } },
    ];
    const server = await start({ script: [{ text: 'Checking both.', toolCalls: calls, toolCallsIn: 'chunks' }] });
    const chunks = await collect((await modelOn(server)).chat(request()));
    expect(chunks).toEqual([
      { type: 'text', delta: 'Checking both.' },
      { type: 'tool-calls', calls },
      expect.objectContaining({ type: 'done' }),
    ]);
  });

  it('sends the same num_ctx, keep_alive and think on every request', async () => {
    const server = await start({ script: [{ text: 'a' }, { text: 'b' }] });
    const model = await modelOn(server, { numCtx: 16_384 });
    await collect(model.chat(request()));
    await collect(model.chat(request()));
    const [first, second] = server.chats.map((chat) => chat.body);
    expect(first).toMatchObject({ stream: true, think: false, keep_alive: '30m', options: { num_ctx: 16_384 } });
    expect([second!.options, second!.keep_alive, second!.think]).toEqual([
      first!.options,
      first!.keep_alive,
      first!.think,
    ]);
    expect(model.contextLength).toBe(16_384);
  });

  it('leaves think out for a model without the thinking capability', async () => {
    const server = await start({
      models: [{ name: 'llama3.1:8b', capabilities: ['completion', 'tools'] }],
      script: [{ text: 'ok' }],
    });
    await collect((await modelOn(server)).chat(request()));
    expect(server.chats[0]!.body).not.toHaveProperty('think');
  });

  it('sends tool results and earlier tool calls in Ollama message form', async () => {
    const server = await start({ script: [{ text: 'It is stopped.' }] });
    const messages = [
      ...request().messages,
      { role: 'assistant' as const, content: '', toolCalls: [{ name: 'vm_status', arguments: { vmid: 101 } }] },
      { role: 'tool' as const, toolName: 'vm_status', content: 'status: stopped' },
    ];
    await collect((await modelOn(server)).chat(request({ messages })));
    expect(server.chats[0]!.body.messages.slice(2)).toEqual([
      { role: 'assistant', content: '', tool_calls: [{ function: { name: 'vm_status', arguments: { vmid: 101 } } }] },
      { role: 'tool', content: 'status: stopped', tool_name: 'vm_status' },
    ]);
    expect(server.chats[0]!.body.tools).toEqual([
      { type: 'function', function: expect.objectContaining({ name: 'vm_status' }) },
    ]);
  });

  it('extends the previous request byte for byte when the history grows', async () => {
    const server = await start({ script: [{ text: 'first' }, { text: 'second' }] });
    const model = await modelOn(server);
    const history = [...request().messages];
    await collect(model.chat(request({ messages: history })));
    history.push({ role: 'assistant', content: 'first' }, { role: 'user', content: 'And VM 102?' });
    await collect(model.chat(request({ messages: history })));
    const [a, b] = server.chats.map((chat) => chat.rawBody);
    const messagesOf = (raw: string) => raw.slice(raw.indexOf('"messages":'), raw.indexOf(',"tools":'));
    expect(messagesOf(b!).startsWith(messagesOf(a!).slice(0, -1))).toBe(true);
    expect(b!.slice(b!.indexOf(',"tools":'))).toBe(a!.slice(a!.indexOf(',"tools":')));
    expect(server.chats[1]!.cachedTokens).toBeGreaterThan(server.chats[0]!.promptTokens - 2);
  });
});

describe('OllamaChatModel abort', () => {
  it('ends with ModelAbortedError and closes the connection when aborted mid-stream', async () => {
    const server = await start({ script: [{ text: ['Let me look'], hang: true }] });
    const controller = new AbortController();
    const stream = (await modelOn(server)).chat(request({ signal: controller.signal }))[Symbol.asyncIterator]();
    expect(await stream.next()).toEqual({ done: false, value: { type: 'text', delta: 'Let me look' } });
    const next = stream.next();
    controller.abort();
    expect(await failure(next)).toBeInstanceOf(ModelAbortedError);
    expect(await server.chats[0]!.ended).toBe('client-closed');
  });

  it('aborts while still waiting for the first byte of the answer', async () => {
    const server = await start({ script: [{ hang: true }] });
    const controller = new AbortController();
    const pending = collect((await modelOn(server)).chat(request({ signal: controller.signal })));
    await waitFor(() => server.chats.length === 1);
    controller.abort();
    const error = await failure(pending);
    expect([error.name, error instanceof ModelAbortedError]).toEqual(['AbortError', true]);
    expect(await server.chats[0]!.ended).toBe('client-closed');
  });

  it('does not connect when the signal is already aborted', async () => {
    const server = await start({ script: [{ text: 'never' }] });
    const model = await modelOn(server);
    const before = server.requests.length;
    expect(await failure(collect(model.chat(request({ signal: AbortSignal.abort() }))))).toBeInstanceOf(
      ModelAbortedError,
    );
    expect(server.requests.length).toBe(before);
  });

  it('stops reading the response when the consumer stops early', async () => {
    const server = await start({ script: [{ text: ['one', 'two'], hang: true }] });
    for await (const chunk of (await modelOn(server)).chat(request())) {
      expect(chunk).toEqual({ type: 'text', delta: 'one' });
      break;
    }
    expect(await server.chats[0]!.ended).toBe('client-closed');
  });
});

describe('OllamaChatModel failures', () => {
  it('turns an error line in the stream into a one-line ModelStreamError', async () => {
    const server = await start({
      script: [{ text: 'Partial', streamError: 'llama runner process has terminated:\nexit status 2' }],
    });
    const error = await failure(collect((await modelOn(server)).chat(request())));
    expect(error).toBeInstanceOf(ModelStreamError);
    expect(error.message).toBe(
      "model 'qwen3:8b' failed mid-answer: llama runner process has terminated: exit status 2; check 'ollama ps' and the Ollama server log, then retry",
    );
  });

  it('says the stream ended early, not that Ollama is not running, when the connection drops mid-line', async () => {
    const server = await start({ script: [{ text: 'VM 101 is ', cut: 'mid-line' }] });
    const chunks: unknown[] = [];
    const error = await failure(
      (async () => {
        for await (const chunk of (await modelOn(server)).chat(request())) chunks.push(chunk);
      })(),
    );
    expect(chunks).toEqual([{ type: 'text', delta: 'VM 101 is ' }]);
    expect(error).toBeInstanceOf(ModelStreamEndedError);
    expect(error.message).toMatch(
      new RegExp(
        `^the model's stream ended early: Ollama at ${server.url} closed the connection mid-answer \\(model 'qwen3:8b', [^)\\n]+\\); try again$`,
      ),
    );
  });

  it('says the stream ended early when Ollama accepts the request and drops it before answering', async () => {
    const server = await start({ script: [{ cut: 'before-answer' }] });
    const error = await failure(collect((await modelOn(server)).chat(request())));
    expect(error).toBeInstanceOf(ModelStreamEndedError);
    expect(error.message).toContain(`the model's stream ended early: Ollama at ${server.url} closed the connection`);
    expect(error.message).not.toContain('ollama serve');
  });

  it('still says Ollama is not running when the chat request is refused', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const host = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const model = new OllamaChatModel({ endpoint: ollamaEndpoint(host), model: 'qwen3:8b', numCtx: 8192 });
    const error = await failure(collect(model.chat(request())));
    expect(error).toBeInstanceOf(OllamaUnavailableError);
    expect(error.message).toBe(
      `Ollama is not running at ${host} (connection refused); start it with 'ollama serve', or set ai.host / OLLAMA_HOST`,
    );
  });

  it('reports a model removed during the session as not found, with the pull command', async () => {
    const server = await start({ script: [{ httpError: { status: 404, error: "model 'qwen3:8b' not found" } }] });
    const error = await failure(collect((await modelOn(server)).chat(request())));
    expect(error).toBeInstanceOf(ModelNotFoundError);
    expect(error.message).toContain("run 'ollama pull qwen3:8b'");
  });

  it('reports a 400 "does not support tools" as ModelWithoutToolsError', async () => {
    const server = await start({
      script: [{ httpError: { status: 400, error: 'registry.ollama.ai/library/qwen3:8b does not support tools' } }],
    });
    expect(await failure(collect((await modelOn(server)).chat(request())))).toBeInstanceOf(ModelWithoutToolsError);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
