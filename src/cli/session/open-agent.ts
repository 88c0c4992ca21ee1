import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../config/package-info.js';
import { AgentSession, type AgentDeps } from '../../core/agent/agent-session.js';
import type { ChatModel } from '../../core/chat-model.js';
import { toChatToolSpecs } from '../../core/tool-specs.js';
import { visibleTools } from '../../core/visible-tools.js';
import type { ClusterConnection } from './open-cluster.js';
import type { ToolSession } from './open-tool-session.js';

export type AgentOptions = Pick<AgentDeps, 'emit' | 'onStepLimit'> & { maxSteps?: number };

/** The model, the tools it may see and the fixed system prompt, bound to a tool session (the scheduler). */
export async function openAgent(
  cluster: ClusterConnection,
  tools: ToolSession,
  model: ChatModel,
  options: AgentOptions,
): Promise<AgentSession> {
  const { recoverToolCalls } = await import('../../llm/recover-tool-calls.js');
  const specs = toChatToolSpecs(visibleTools(tools.registry, tools.rules, tools.mode));
  return new AgentSession({
    model,
    callTool: (request) => tools.call(request),
    tools: specs,
    systemPrompt: `${systemPrompt()}\n\n${await clusterFacts(cluster, tools)}`,
    recoverToolCalls,
    maxSteps: options.maxSteps ?? cluster.config.ai?.maxSteps ?? 12,
    ...(cluster.config.ai?.maxCallsPerTurn ? { maxCallsPerTurn: cluster.config.ai.maxCallsPerTurn } : {}),
    ...(cluster.config.ai?.maxCallsPerSession ? { maxCallsPerSession: cluster.config.ai.maxCallsPerSession } : {}),
    ...(cluster.config.ai?.maxReplyBytes ? { maxReplyBytes: cluster.config.ai.maxReplyBytes } : {}),
    emit: options.emit,
    ...(options.onStepLimit ? { onStepLimit: options.onStepLimit } : {}),
  });
}

export function systemPrompt(): string {
  return fs.readFileSync(path.join(packageRoot(), 'prompts/system.md'), 'utf8').trim();
}

/** Facts appended once at session start; they never change within the session, so the prompt prefix stays stable. */
async function clusterFacts(cluster: ClusterConnection, tools: ToolSession): Promise<string> {
  const [nodes, guests] = await Promise.all([cluster.api.nodes.list(), cluster.api.cluster.guests()]);
  const vms = guests.filter((g) => g.type === 'qemu' && !g.template).length;
  const cts = guests.filter((g) => g.type === 'lxc').length;
  const templates = guests.filter((g) => g.template).length;
  const nodeList = nodes
    .map((n) => `${n.node} (${n.status})`)
    .sort()
    .join(', ');
  return [
    `Session facts: profile ${cluster.profile}${cluster.cluster ? `, cluster ${cluster.cluster}` : ', a single node'}.`,
    `Nodes: ${nodeList}. Guests: ${vms} VMs, ${cts} containers, ${templates} templates.`,
    tools.mode === 'read-only' ? 'Policy mode is read-only: only read tools exist in this session.' : '',
  ]
    .filter(Boolean)
    .join('\n');
}
