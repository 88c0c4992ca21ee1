import type { AppConfig } from '../config/schema.js';
import { ConfigError } from '../shared/errors.js';

export const defaultOllamaHost = 'http://127.0.0.1:11434';

/** `ai.host`, else `OLLAMA_HOST` (which may omit scheme or port), else the local default. */
export function resolveOllamaHost(config: AppConfig, env: NodeJS.ProcessEnv): string {
  const raw = config.ai?.host ?? env.OLLAMA_HOST?.trim();
  if (!raw) return defaultOllamaHost;
  if (raw.startsWith('unix:')) return raw;
  const withScheme = /^https?:\/\//.test(raw) ? raw : `http://${raw}`;
  if (!URL.canParse(withScheme))
    throw new ConfigError(
      `Ollama host '${raw}' is not a valid address; set ai.host (or OLLAMA_HOST) to http://HOST:PORT`,
    );
  const url = new URL(withScheme);
  if (!url.port) url.port = '11434';
  return url.origin;
}

/** Privacy (docs/architecture.md, "Safety rules"): loopback, 0.0.0.0 (this machine) or a unix socket. */
export function isLocalOllamaHost(host: string): boolean {
  if (host.startsWith('unix:')) return true;
  const { hostname } = new URL(host);
  const bare = hostname.replace(/^\[|\]$/g, '');
  return (
    bare === 'localhost' || bare === '0.0.0.0' || bare === '::1' || bare === '::' || /^127\.\d+\.\d+\.\d+$/.test(bare)
  );
}
