import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, writePrivateFile } from '../config/private-files.js';
import type { CachedRead, ReadCache } from '../core/read-cache.js';

interface Entry extends CachedRead {
  expiresAt: number;
}

/**
 * The read cache on disk (state dir `cache/`, 0700, entries 0600), shared by
 * this user's TUI, `ask` and MCP sessions on the same cluster. `scope` names
 * the cluster (profile and API host), so an embedded demo simulator, which is
 * new on every run, never sees another run's entries. Entries hold redacted text only.
 */
export class FileReadCache implements ReadCache {
  private readonly prefix: string;

  constructor(
    private readonly dir: string,
    scope: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.prefix = `${scope.replace(/[^A-Za-z0-9_-]/g, '_')}--`;
  }

  async get(key: string): Promise<CachedRead | undefined> {
    let entry: Entry;
    try {
      entry = JSON.parse(fs.readFileSync(this.fileOf(key), 'utf8')) as Entry;
    } catch {
      return undefined;
    }
    if (entry.expiresAt <= this.now()) return undefined;
    return { text: entry.text, summary: entry.summary, ...(entry.structured ? { structured: entry.structured } : {}) };
  }

  async set(key: string, value: CachedRead): Promise<void> {
    ensurePrivateDir(this.dir);
    writePrivateFile(
      this.fileOf(key),
      JSON.stringify({ ...value, expiresAt: this.now() + this.ttlMs } satisfies Entry),
    );
  }

  async clear(): Promise<void> {
    removeEntries(this.dir, this.prefix);
  }

  private fileOf(key: string): string {
    return path.join(this.dir, `${this.prefix}${key}.json`);
  }
}

/** Removes cache entries whose file name starts with `prefix` ('' for all); returns how many. */
export function removeEntries(dir: string, prefix = ''): number {
  let files: string[];
  try {
    files = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  const doomed = files.filter((file) => file.startsWith(prefix) && file.endsWith('.json'));
  for (const file of doomed) fs.rmSync(path.join(dir, file), { force: true });
  return doomed.length;
}
