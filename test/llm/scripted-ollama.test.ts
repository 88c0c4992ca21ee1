import { afterEach, describe, expect, it } from 'vitest';
import {
  extendsPrevious,
  prefixReusePct,
  startScriptedOllama,
  type ScriptedOllama,
  type ScriptedOllamaOptions,
} from '../../harness/scripted-ollama.js';

let peer: ScriptedOllama | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

async function start(options: ScriptedOllamaOptions = {}) {
  peer = await startScriptedOllama(options);
  return peer;
}

const chatBody = (extra: Record<string, unknown> = {}) => ({
  model: 'qwen3:8b',
  messages: [{ role: 'user', content: 'hello' }],
  options: { num_ctx: 8192 },
  ...extra,
});

async function post(server: ScriptedOllama, body: unknown) {
  const response = await fetch(`${server.url}/api/chat`, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

describe('scripted Ollama peer', () => {
  it('answers a non-streaming chat with the whole message, tool calls and counts', async () => {
    const server = await start({
      script: [{ text: ['Checking ', 'now.'], toolCalls: [{ name: 'vm_status', arguments: { vmid: 101 } }] }],
    });
    const { text } = await post(server, chatBody({ stream: false }));
    expect(JSON.parse(text)).toMatchObject({
      message: {
        role: 'assistant',
        content: 'Checking now.',
        tool_calls: [{ function: { name: 'vm_status', arguments: { vmid: 101 } } }],
      },
      done: true,
      done_reason: 'stop',
      prompt_eval_count: server.chats[0]!.promptTokens,
    });
  });

  it('streams NDJSON lines ending with a done line', async () => {
    const server = await start({ script: [{ text: ['a', 'b'] }] });
    const lines = (await post(server, chatBody())).text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { done: boolean; message: { content: string } });
    expect(lines.map((line) => [line.message.content, line.done])).toEqual([
      ['a', false],
      ['b', false],
      ['', true],
    ]);
  });

  it('counts only the tokens after the cached prefix, like a KV cache', async () => {
    const server = await start({ script: [{ text: 'a' }, { text: 'b' }] });
    await post(server, chatBody());
    await post(
      server,
      chatBody({
        messages: [
          { role: 'user', content: 'hello' },
          { role: 'assistant', content: 'a' },
          { role: 'user', content: 'more' },
        ],
      }),
    );
    const firstPrompt = '[]\n{"role":"user","content":"hello"}';
    expect(server.chats[0]!.promptTokens).toBe(Math.ceil(firstPrompt.length / 4));
    expect(server.chats[1]!.cachedTokens).toBe(Math.floor(firstPrompt.length / 4));
  });

  it('drops the cache when the options change, as a runner reload does', async () => {
    const server = await start({ script: [{ text: 'a' }, { text: 'b' }] });
    await post(server, chatBody());
    await post(server, chatBody({ options: { num_ctx: 4096 } }));
    expect(server.chats[1]!.cachedTokens).toBe(0);
  });

  it('answers from the responder once the script is used up, then refuses with a 500', async () => {
    const server = await start({ respond: (chat) => ({ text: `turn ${chat.index}` }) });
    expect((await post(server, chatBody({ stream: false }))).text).toContain('"content":"turn 0"');
    const bare = await start();
    expect(await post(bare, chatBody())).toEqual({
      status: 500,
      text: '{"error":"scripted ollama has no turn left for request 0"}',
    });
  });

  it('refuses an unknown model with 404 and the Ollama message', async () => {
    const server = await start();
    expect(await post(server, chatBody({ model: 'phi3' }))).toEqual({
      status: 404,
      text: `{"error":"model 'phi3' not found"}`,
    });
  });

  it('tells a request that extends the previous one from one that rewrites it', async () => {
    const server = await start({ respond: () => ({ text: 'ok' }) });
    const hello = { role: 'user', content: 'hello' };
    await post(server, chatBody({ messages: [hello] }));
    await post(server, chatBody({ messages: [hello, { role: 'assistant', content: 'ok' }] }));
    await post(server, chatBody({ messages: [{ role: 'user', content: 'hello!' }] }));
    const [a, b, c] = server.chats;
    expect([extendsPrevious(a!, b!), extendsPrevious(b!, c!)]).toEqual([true, false]);
    expect(prefixReusePct(server.chats)).toBe(50);
  });

  it('does not count a request with changed options as extending the previous one', async () => {
    const server = await start({ respond: () => ({ text: 'ok' }) });
    await post(server, chatBody());
    await post(server, chatBody({ options: { num_ctx: 4096 } }));
    expect(extendsPrevious(server.chats[0]!, server.chats[1]!)).toBe(false);
  });
});
