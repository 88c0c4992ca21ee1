import { AgentSession } from '../../src/core/agent/agent-session.js';
import type { AgentEvent } from '../../src/core/agent/events.js';
import { toChatToolSpecs } from '../../src/core/tool-specs.js';
import { createChatModel } from '../../src/llm/create-chat-model.js';
import { recoverToolCalls } from '../../src/llm/recover-tool-calls.js';
import { generateScenario } from '../../src/sim/index.js';
import { prefixReusePct, startScriptedOllama } from '../../harness/scripted-ollama.js';
import { startPipeline } from '../../harness/pipeline.js';
import { systemPrompt } from '../../src/cli/session/open-agent.js';
import { proxmoxTools } from '../../tools/index.js';
import { round, summarise, type BenchSuite } from '../figure.js';

/**
 * agentOverheadMs: one tool round trip (model request, scheduler, policy,
 * audit append x3, simulator over HTTPS) with a zero-latency scripted model.
 * promptTokens: system prompt + tool schemas as sent (bytes/4).
 * kvPrefixReusePct: share of requests extending the previous one over a 20-turn session.
 */
export const agentFigures: BenchSuite = {
  name: 'agent loop',
  async measure({ full }) {
    const rounds = full ? 400 : 120;
    const pipeline = await startPipeline({ scenario: generateScenario({ guests: rounds + 10, nodes: 4 }) });
    const vmids = (await pipeline.api.cluster.guests()).map((g) => g.vmid);
    const ollama = await startScriptedOllama();
    try {
      const model = await createChatModel({
        config: { ai: { model: 'qwen3:8b', numCtx: 1_000_000 } },
        env: { OLLAMA_HOST: ollama.url },
      });
      const tools = toChatToolSpecs(proxmoxTools);
      const stamps: number[] = [];
      const emit = (event: AgentEvent) => {
        if (event.type === 'tool-requested') stamps.push(performance.now());
      };
      const session = new AgentSession({
        model,
        tools,
        systemPrompt: systemPrompt(),
        recoverToolCalls,
        maxSteps: rounds + 1,
        maxCallsPerTurn: rounds + 1,
        emit,
        callTool: (request) => pipeline.call(request.tool, request.args, request),
      });
      ollama.push(
        ...vmids.slice(0, rounds).map((vmid) => ({ toolCalls: [{ name: 'vm_status', arguments: { vmid } }] })),
        { text: 'done' },
      );
      await session.runTurn('status of every guest', new AbortController().signal);
      const perRound = stamps.slice(1).map((stamp, i) => stamp - stamps[i]!);
      const first = ollama.chats[0]!.body;
      const promptBytes =
        Buffer.byteLength(JSON.stringify(first.messages[0])) + Buffer.byteLength(JSON.stringify(first.tools ?? []));

      const before = ollama.chats.length;
      const conversation = new AgentSession({
        model,
        tools,
        systemPrompt: systemPrompt(),
        recoverToolCalls,
        maxSteps: 4,
        emit: () => undefined,
        callTool: (request) => pipeline.call(request.tool, request.args, request),
      });
      for (let turn = 0; turn < 20; turn++) {
        ollama.push(
          { toolCalls: [{ name: 'vm_status', arguments: { vmid: vmids[turn]! } }] },
          { text: `guest ${vmids[turn]} is fine` },
        );
        await conversation.runTurn(`how is ${vmids[turn]}?`, new AbortController().signal);
      }
      const { median, p99, n } = summarise(perRound, 'ms');
      return {
        agentOverheadMs: { median, p99, n, unit: 'ms', goal: 'median <= 5, p99 <= 20' },
        promptTokens: { value: Math.round(promptBytes / 4), unit: 'tokens', goal: '<= 2500' },
        kvPrefixReusePct: { value: round(prefixReusePct(ollama.chats.slice(before)), 1), unit: 'pct', goal: '100' },
      };
    } finally {
      await ollama.close();
      await pipeline.close();
    }
  },
};
