import type { ChatChunk, ChatModel, ChatRequest, ChatToolSpec } from '../../src/core/chat-model.js';
import { createChatModel } from '../../src/llm/create-chat-model.js';
import type { ScriptedOllama } from '../../harness/scripted-ollama.js';

export const vmStatusTool: ChatToolSpec = {
  name: 'vm_status',
  description: 'Status of one guest.',
  parameters: {
    type: 'object',
    properties: { vmid: { type: 'integer' }, node: { type: 'string' } },
    required: ['vmid'],
  },
};

export function modelOn(peer: ScriptedOllama, ai: Record<string, unknown> = {}): Promise<ChatModel> {
  return createChatModel({ config: { ai: { host: peer.url, ...ai } }, env: {} });
}

export function request(overrides: Partial<ChatRequest> = {}): ChatRequest {
  return {
    messages: [
      { role: 'system', content: 'You are a Proxmox assistant.' },
      { role: 'user', content: 'Is VM 101 running?' },
    ],
    tools: [vmStatusTool],
    signal: new AbortController().signal,
    ...overrides,
  };
}

export async function collect(stream: AsyncIterable<ChatChunk>): Promise<ChatChunk[]> {
  const chunks: ChatChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

/** The rejection of a promise, for asserting on typed errors. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}
