import type { AppConfig } from '../config/schema.js';
import type { ChatModel } from '../core/chat-model.js';
import { ollamaCatalog } from './ollama-catalog.js';
import { OllamaChatModel } from './ollama-chat-model.js';
import { ollamaEndpoint } from './ollama-endpoint.js';
import { resolveOllamaHost } from './ollama-host.js';
import { selectModel } from './select-model.js';

export interface CreateChatModelOptions {
  config: AppConfig;
  env: NodeJS.ProcessEnv;
  /** Replaces global fetch for http hosts (tests count connections with it). */
  fetch?: typeof fetch;
  /** Ask thinking models to think; default false. Ignored for models without the capability. */
  think?: boolean;
  /** Ollama `keep_alive`; default "30m". */
  keepAlive?: string;
}

/**
 * The session's model: refuses a non-local host before connecting (unless
 * `ai.allowRemoteHost`), picks the model (`PROXMOX_AI_MODEL`, `ai.model`, or
 * the best installed tool caller) and its `num_ctx`, asking `/api/show` once.
 */
export async function createChatModel(options: CreateChatModelOptions): Promise<ChatModel> {
  const { config, env } = options;
  const host = resolveOllamaHost(config, env);
  const endpoint = ollamaEndpoint(host, { allowRemoteHost: config.ai?.allowRemoteHost, fetch: options.fetch });
  const choice = await selectModel(ollamaCatalog(endpoint), {
    model: env.PROXMOX_AI_MODEL?.trim() || config.ai?.model,
    numCtx: config.ai?.numCtx,
    host,
  });
  return new OllamaChatModel({
    endpoint,
    model: choice.name,
    numCtx: choice.numCtx,
    think: thinkSetting(choice.capabilities, options.think),
    keepAlive: options.keepAlive,
  });
}

/**
 * Only models with the `thinking` capability get a `think` field: some Ollama
 * versions reject even `think: false` for the others.
 */
export function thinkSetting(
  capabilities: readonly string[] | undefined,
  wanted: boolean | undefined,
): boolean | undefined {
  return capabilities?.includes('thinking') ? (wanted ?? false) : undefined;
}
