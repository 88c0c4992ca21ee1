import { afterEach, describe, expect, it } from 'vitest';
import { AgentSession } from '../../src/core/agent/agent-session.js';
import { toChatToolSpecs } from '../../src/core/tool-specs.js';
import { TurnReadMemo } from '../../src/core/turn-reads.js';
import { createChatModel } from '../../src/llm/create-chat-model.js';
import { recoverToolCalls } from '../../src/llm/recover-tool-calls.js';
import { proxmoxTools } from '../../tools/index.js';
import { ScriptedApprover, startPipeline } from '../../harness/pipeline.js';
import { startScriptedOllama, type ScriptedOllama } from '../../harness/scripted-ollama.js';

let pipeline: Awaited<ReturnType<typeof startPipeline>> | undefined;
let ollama: ScriptedOllama | undefined;
afterEach(async () => {
  await ollama?.close();
  await pipeline?.close();
  pipeline = ollama = undefined;
});

/** How often the simulator was asked for the guest list targets are resolved from. */
function guestListReads(p: NonNullable<typeof pipeline>): number {
  return p.sim.accessLog().filter((line) => line.startsWith('GET /api2/json/cluster/resources')).length;
}

const approving = () => new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' }));

describe('reads shared within an agent turn', () => {
  it('resolves the targets of one turn from one guest list read', async () => {
    pipeline = await startPipeline();
    const before = guestListReads(pipeline);
    for (const vmid of [100, 101, 102]) {
      const outcome = await pipeline.call('vm_status', { vmid }, { turn: 'turn-a' });
      expect(outcome.status).toBe('ok');
    }
    expect(guestListReads(pipeline) - before).toBe(1);
  });

  it('reads afresh for every call made outside a turn (MCP, CLI, slash commands)', async () => {
    pipeline = await startPipeline();
    const before = guestListReads(pipeline);
    await pipeline.call('vm_status', { vmid: 100 });
    await pipeline.call('vm_status', { vmid: 101 });
    expect(guestListReads(pipeline) - before).toBe(2);
  });

  it('forgets the list when the turn changes and when a change runs', async () => {
    pipeline = await startPipeline({ approver: approving() });
    const before = guestListReads(pipeline);
    await pipeline.call('vm_status', { vmid: 100 }, { turn: 'turn-a' });
    await pipeline.call('vm_status', { vmid: 101 }, { turn: 'turn-b' });
    expect(guestListReads(pipeline) - before).toBe(2);
    const snapshot = await pipeline.call('snapshot_vm', { vmid: 101, name: 'before_upgrade' }, { turn: 'turn-b' });
    expect(snapshot.status).toBe('ok');
    const afterChange = guestListReads(pipeline);
    await pipeline.call('vm_status', { vmid: 101 }, { turn: 'turn-b' });
    expect(guestListReads(pipeline) - afterChange).toBe(1);
  });

  it('gives each turn of an agent session its own reads', async () => {
    ollama = await startScriptedOllama();
    pipeline = await startPipeline();
    const p = pipeline;
    const model = await createChatModel({
      config: { ai: { model: 'qwen3:8b', numCtx: 32_768 } },
      env: { OLLAMA_HOST: ollama.url },
    });
    const agent = new AgentSession({
      model,
      tools: toChatToolSpecs(proxmoxTools),
      systemPrompt: 'You help with Proxmox.',
      recoverToolCalls,
      maxSteps: 12,
      emit: () => undefined,
      callTool: (request) => p.call(request.tool, request.args, request),
    });
    const statusOf = (vmid: number) => ({ toolCalls: [{ name: 'vm_status', arguments: { vmid } }] });
    ollama.push(statusOf(100), statusOf(101), statusOf(102), { text: 'all fine' });
    const before = guestListReads(p);
    const first = await agent.runTurn('how are 100, 101 and 102?', new AbortController().signal);
    expect(first.outcomes.map((outcome) => outcome.status)).toEqual(['ok', 'ok', 'ok']);
    expect(guestListReads(p) - before).toBe(1);
    ollama.push(statusOf(100), { text: 'still fine' });
    await agent.runTurn('and 100 now?', new AbortController().signal);
    expect(guestListReads(p) - before).toBe(2);
  });
});

describe('TurnReadMemo', () => {
  it('keeps a read for its turn up to its age limit', async () => {
    let clock = 0;
    const memo = new TurnReadMemo(1_000, () => clock);
    let reads = 0;
    const read = async () => ++reads;
    const turn = memo.of('t1');
    expect(await turn.remember('k', read)).toBe(1);
    clock = 1_000;
    expect(await turn.remember('k', read)).toBe(1);
    clock = 1_001;
    expect(await turn.remember('k', read)).toBe(2);
  });

  it('forgets a failed read, and a turn that is over reads afresh every time', async () => {
    const memo = new TurnReadMemo();
    let reads = 0;
    const turn = memo.of('t1');
    await expect(turn.remember('k', () => Promise.reject(new Error('595 no route')))).rejects.toThrow('595');
    expect(await turn.remember('k', async () => ++reads)).toBe(1);
    memo.of('t2');
    expect(await turn.remember('k', async () => ++reads)).toBe(2);
    expect(await turn.remember('k', async () => ++reads)).toBe(3);
  });
});
