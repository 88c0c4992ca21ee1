import { afterEach, describe, expect, it } from 'vitest';
import { AgentSession, type AgentDeps } from '../../src/core/agent/agent-session.js';
import type { AgentEvent } from '../../src/core/agent/events.js';
import { toChatToolSpecs } from '../../src/core/tool-specs.js';
import { createChatModel } from '../../src/llm/create-chat-model.js';
import { recoverToolCalls } from '../../src/llm/recover-tool-calls.js';
import { generateScenario, type Scenario } from '../../src/sim/index.js';
import { proxmoxTools } from '../../tools/index.js';
import { startScriptedOllama, type ScriptedOllama, type ScriptedTurn } from '../../harness/scripted-ollama.js';
import { startPipeline } from '../../harness/pipeline.js';

let ollama: ScriptedOllama | undefined;
let pipeline: Awaited<ReturnType<typeof startPipeline>> | undefined;
afterEach(async () => {
  await ollama?.close();
  await pipeline?.close();
  ollama = pipeline = undefined;
});

async function session(script: ScriptedTurn[], extra: Partial<AgentDeps> = {}, numCtx = 32_768, scenario?: Scenario) {
  ollama = await startScriptedOllama({ script });
  pipeline = await startPipeline(scenario ? { scenario } : {});
  const model = await createChatModel({
    config: { ai: { model: 'qwen3:8b', numCtx } },
    env: { OLLAMA_HOST: ollama.url },
  });
  const events: AgentEvent[] = [];
  const p = pipeline;
  const agent = new AgentSession({
    model,
    tools: toChatToolSpecs(proxmoxTools),
    systemPrompt: 'You help with Proxmox.',
    recoverToolCalls,
    maxSteps: 12,
    emit: (event) => events.push(event),
    callTool: (request) => p.call(request.tool, request.args, request),
    ...extra,
  });
  return { agent, events };
}

const status = (vmid: number): ScriptedTurn => ({ toolCalls: [{ name: 'vm_status', arguments: { vmid } }] });

describe('AgentSession', () => {
  it('stops at the per-turn call limit', async () => {
    const { agent } = await session([status(100), status(101), status(102), { text: 'never' }], { maxCallsPerTurn: 2 });
    const turn = await agent.runTurn('check', new AbortController().signal);
    expect(turn.stopReason).toBe('call-limit');
    expect(turn.outcomes).toHaveLength(2);
  });

  it('cuts a reply at maxReplyBytes, on a character boundary, stops the stream and says so', async () => {
    const chunk = 'é'.repeat(300); // 600 bytes
    // The peer keeps the response open after the text: the turn ends only because the stream was stopped.
    const { agent, events } = await session([{ text: Array.from({ length: 50 }, () => chunk), hang: true }], {
      maxReplyBytes: 1025,
    });
    const turn = await agent.runTurn('talk', new AbortController().signal);
    const shown = events.flatMap((event) => (event.type === 'text' ? [event.delta] : [])).join('');
    expect(Buffer.byteLength(shown)).toBe(1024);
    expect(shown).toBe('é'.repeat(512));
    expect(turn.stopReason).toBe('reply-too-long');
    expect(turn.answer).toBe("Stopped: the model's reply was cut at 1025 bytes (ai.maxReplyBytes).");
    expect(await ollama!.chats[0]!.ended).toBe('client-closed');
    expect(agent.messages.at(-1)).toEqual({ role: 'assistant', content: shown });
  });

  it('keeps a reply of exactly maxReplyBytes whole', async () => {
    const { agent } = await session([{ text: ['a'.repeat(1000), 'b'.repeat(24)] }], { maxReplyBytes: 1024 });
    const turn = await agent.runTurn('talk', new AbortController().signal);
    expect(turn.stopReason).toBe('answered');
    expect(turn.answer).toHaveLength(1024);
  });

  it('counts calls across turns against the session limit', async () => {
    const { agent } = await session([status(100), { text: 'ok' }, status(101), { text: 'no' }], {
      maxCallsPerSession: 1,
    });
    expect((await agent.runTurn('one', new AbortController().signal)).stopReason).toBe('answered');
    expect((await agent.runTurn('two', new AbortController().signal)).stopReason).toBe('call-limit');
  });

  it('wraps up at the step limit when asked to, ignoring further calls', async () => {
    const { agent } = await session(
      [
        status(100),
        status(101),
        { text: 'Here is what I found.', toolCalls: [{ name: 'vm_status', arguments: { vmid: 102 } }] },
      ],
      {
        maxSteps: 2,
        onStepLimit: async () => 'wrap-up',
      },
    );
    const turn = await agent.runTurn('check', new AbortController().signal);
    expect(turn).toMatchObject({ stopReason: 'answered', answer: 'Here is what I found.' });
    expect(turn.outcomes).toHaveLength(2);
    expect(agent.messages.at(-2)).toMatchObject({ role: 'user', content: expect.stringContaining('step limit') });
  });

  it('goes on after the step limit when told to continue', async () => {
    const { agent } = await session([status(100), status(101), { text: 'done' }], {
      maxSteps: 1,
      onStepLimit: async () => 'continue',
    });
    expect((await agent.runTurn('check', new AbortController().signal)).stopReason).toBe('answered');
  });

  it('compacts old tool results once when the context fills, and says so', async () => {
    const listing = (offset: number): ScriptedTurn => ({
      toolCalls: [{ name: 'list_vms', arguments: { limit: 200, offset } }],
    });
    const turns: ScriptedTurn[] = [listing(0), status(100), status(101), listing(200), { text: 'done' }];
    const { agent, events } = await session(turns, {}, 6300, generateScenario({ guests: 400, nodes: 4 }));
    const turn = await agent.runTurn('everything', new AbortController().signal);
    expect(
      events.filter(
        (event) => event.type === 'notice' && event.message.includes('2 older tool results were summarised'),
      ),
    ).toHaveLength(1);
    expect(turn.stopReason).toBe('answered');
    const compacted = agent.messages.filter(
      (message) => message.role === 'tool' && message.content.startsWith('[compacted'),
    );
    expect(compacted.map((message) => (message.role === 'tool' ? message.toolName : ''))).toEqual([
      'list_vms',
      'vm_status',
    ]);
  });

  it('aborts mid-stream and reports it', async () => {
    const { agent } = await session([{ text: 'thinking...', hang: true }]);
    const controller = new AbortController();
    const pending = agent.runTurn('slow', controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect((await pending).stopReason).toBe('aborted');
  });
});
