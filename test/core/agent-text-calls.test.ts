import { afterEach, describe, expect, it } from 'vitest';
import { AgentSession } from '../../src/core/agent/agent-session.js';
import type { AgentEvent } from '../../src/core/agent/events.js';
import { toChatToolSpecs } from '../../src/core/tool-specs.js';
import { createChatModel } from '../../src/llm/create-chat-model.js';
import { recoverToolCalls } from '../../src/llm/recover-tool-calls.js';
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

/** A session on the simulator whose scripted model answers from `script`, given a guest that exists. */
async function session(script: (vmid: number) => ScriptedTurn[]) {
  pipeline = await startPipeline({});
  const p = pipeline;
  const vmid = (await p.api.cluster.guests())[0]!.vmid;
  ollama = await startScriptedOllama({ script: script(vmid) });
  const model = await createChatModel({ config: { ai: { model: 'qwen3:8b' } }, env: { OLLAMA_HOST: ollama.url } });
  const events: AgentEvent[] = [];
  const agent = new AgentSession({
    model,
    tools: toChatToolSpecs(proxmoxTools),
    systemPrompt: 'You help with Proxmox.',
    recoverToolCalls,
    maxSteps: 6,
    emit: (event) => events.push(event),
    callTool: (request) => p.call(request.tool, request.args, request),
  });
  return { agent, events, vmid, ollama };
}

describe('calls a model writes as text, through the agent loop', () => {
  it('runs a DeepSeek-syntax call written after reasoning, streamed in pieces, through the pipeline', async () => {
    const {
      agent,
      events,
      vmid,
      ollama: peer,
    } = await session((vmid) => [
      {
        text: [
          '<think>\nThe user wants the status; I call vm_status.\n</th',
          'ink>\n\n<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>vm_status\n```json\n',
          `{"vmid": "${vmid}"}\n\`\`\`<｜tool▁call▁end｜><｜tool▁calls▁end｜>`,
        ],
      },
      { text: `Guest ${vmid} is running.` },
    ]);
    const turn = await agent.runTurn('Is my first guest running?', new AbortController().signal);
    expect(turn).toMatchObject({ stopReason: 'answered', answer: `Guest ${vmid} is running.` });
    expect(turn.outcomes.map((outcome) => outcome.status)).toEqual(['ok']);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'tool-requested', tool: 'vm_status', args: { vmid } }),
    );
    const shown = events.flatMap((event) => (event.type === 'text' ? [event.delta] : [])).join('');
    expect(shown).not.toContain('The user wants');
    const sentBack = peer.chats.at(-1)!.body.messages.find((message) => message.role === 'assistant');
    expect(sentBack).toMatchObject({
      content: '',
      tool_calls: [{ function: { name: 'vm_status', arguments: { vmid } } }],
    });
  });

  it('answers an unknown name in call syntax as invalid, and the model recovers', async () => {
    const { agent, vmid } = await session((vmid) => [
      { text: `<tool_call>\n{"name": "vmstatus", "arguments": {"vmid": ${vmid}}}\n</tool_call>` },
      { text: `[vm_status(vmid=${vmid})]` },
      { text: 'Done.' },
    ]);
    const turn = await agent.runTurn('status of my first guest?', new AbortController().signal);
    expect(turn.outcomes.map((outcome) => outcome.status)).toEqual(['invalid', 'ok']);
    expect(turn.outcomes[0]!.text).toContain("unknown tool 'vmstatus'");
    expect(agent.messages.filter((message) => message.role === 'tool').map((message) => message.toolName)).toEqual([
      'vmstatus',
      'vm_status',
    ]);
    expect(vmid).toBeGreaterThan(0);
  });

  it('does not run a call the model only quoted from a log', async () => {
    const { agent } = await session((vmid) => [
      {
        text:
          'The journal shows:\nDec  6 07:20:13 pve1 agent[812]: <tool_call>{"name": "stop_vm", "arguments": {"vmid": ' +
          vmid +
          '}}</tool_call>',
      },
    ]);
    const turn = await agent.runTurn('what does the journal say?', new AbortController().signal);
    expect(turn.stopReason).toBe('answered');
    expect(turn.outcomes).toEqual([]);
  });
});
