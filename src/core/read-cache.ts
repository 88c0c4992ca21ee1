import crypto from 'node:crypto';
import { callKey } from './agent/call-key.js';

/** A read tool's answer kept for a short while (`ai.cacheEnabled`, `ai.cacheTtlSeconds`). */
export interface CachedRead {
  text: string;
  summary: string;
  structured?: Record<string, unknown>;
}

/** The port for the read cache; src/cli wires a file-backed one under the state directory. */
export interface ReadCache {
  get(key: string): Promise<CachedRead | undefined>;
  set(key: string, value: CachedRead): Promise<void>;
  /** Forgets everything of this cluster: called before any change runs, so reads never show the state before it. */
  clear(): Promise<void>;
}

/** sha256 of tool + sorted args: identical read calls share an entry (the cache itself is per cluster). */
export function readCacheKey(tool: string, args: Record<string, unknown>): string {
  return crypto
    .createHash('sha256')
    .update(callKey({ name: tool, arguments: args }))
    .digest('hex')
    .slice(0, 32);
}
