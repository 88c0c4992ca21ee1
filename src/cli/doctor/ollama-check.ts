import type { AppConfig } from '../../config/schema.js';
import { isLocalOllamaHost, resolveOllamaHost } from '../../llm/ollama-host.js';
import { fail, ok, warn, type CheckResult } from './check.js';

/** Ollama answers `/api/version` at the configured host, and that host is allowed. */
export async function checkOllama(config: AppConfig, env: NodeJS.ProcessEnv, timeoutMs = 2000): Promise<CheckResult> {
  const host = resolveOllamaHost(config, env);
  if (!isLocalOllamaHost(host) && !config.ai?.allowRemoteHost) {
    return fail(
      'ollama',
      `Ollama host ${host} is not on this machine; refused for privacy`,
      'use a local Ollama, or proxmox-ai config set ai.allowRemoteHost true',
    );
  }
  if (host.startsWith('unix:')) return ok('ollama', `Ollama over unix socket ${host.slice(5)} (not probed)`);
  try {
    const response = await fetch(new URL('/api/version', host), { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json()) as { version?: string };
    return ok('ollama', `Ollama ${body.version ?? '(unknown version)'} at ${host}`);
  } catch {
    return warn(
      'ollama',
      `Ollama not reachable at ${host}`,
      "start it with 'ollama serve', or set ai.host / OLLAMA_HOST",
    );
  }
}
