import fs from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../shared/errors.js';
import type { ResolvedKey } from './keys.js';
import { deletePath, getPath, leaves, setPath, type Tree } from './nested.js';
import type { StatePaths } from './paths.js';
import { ensurePrivateDir } from './private-files.js';
import { ConfigSchema, type AppConfig, type Secrets } from './schema.js';
import { SecretsFile } from './secrets.js';

export interface ConfigEntry {
  key: string;
  value: unknown;
  secret: boolean;
}

/**
 * config.json (written through `conf`) plus secrets.json. ConfigSchema (zod)
 * checks the file on open and every tree before it is written; secret keys are
 * routed to the secrets file only. Reading is a plain file read: `conf` (and
 * the ajv it brings, ~85 ms to import) loads only when a value is written.
 */
export class ConfigStore {
  private constructor(
    readonly path: string,
    private readonly dir: string,
    private tree: Tree,
    private readonly secrets: SecretsFile,
  ) {}

  static open(paths: StatePaths): ConfigStore {
    ensurePrivateDir(paths.configDir);
    const store = new ConfigStore(
      paths.configFile,
      paths.configDir,
      readTree(paths.configFile),
      new SecretsFile(paths.secretsFile),
    );
    store.read();
    return store;
  }

  /** The whole validated config. */
  read(): AppConfig {
    const parsed = ConfigSchema.safeParse(this.tree);
    if (!parsed.success) throw invalidFile(this.path, parsed.error);
    return parsed.data;
  }

  readSecrets(): Secrets {
    return this.secrets.read();
  }

  get({ path, spec }: ResolvedKey): unknown {
    return getPath(spec.secret ? (this.secrets.read() as Tree) : this.tree, path);
  }

  async set({ path, spec }: ResolvedKey, value: unknown): Promise<void> {
    if (spec.secret) this.secrets.write(setPath(this.secrets.read() as Tree, path, value) as Secrets);
    else await this.replace(setPath(this.tree, path, value));
  }

  async unset({ path, spec }: ResolvedKey): Promise<void> {
    if (spec.secret) this.secrets.write(deletePath(this.secrets.read() as Tree, path) as Secrets);
    else await this.replace(deletePath(this.tree, path));
  }

  /** Removes a profile from config.json and its secrets from secrets.json; says what was there. */
  async removeProfile(name: string): Promise<{ profile: boolean; secrets: boolean; wasDefault: boolean }> {
    const profile = getPath(this.tree, ['profiles', name]) !== undefined;
    const secretTree = this.secrets.read() as Tree;
    const secrets = getPath(secretTree, ['profiles', name]) !== undefined;
    const wasDefault = this.tree.defaultProfile === name;
    if (secrets) this.secrets.write(deletePath(secretTree, ['profiles', name]) as Secrets);
    if (profile || wasDefault) {
      let tree = profile ? deletePath(this.tree, ['profiles', name]) : this.tree;
      if (wasDefault) tree = deletePath(tree, ['defaultProfile']);
      await this.replace(tree);
    }
    return { profile, secrets, wasDefault };
  }

  entries(): ConfigEntry[] {
    const plain = leaves(this.tree).map(([path, value]) => ({ key: path.join('.'), value, secret: false }));
    const hidden = leaves(this.secrets.read() as Tree).map(([path, value]) => ({
      key: path.join('.'),
      value,
      secret: true,
    }));
    return [...plain, ...hidden].sort((a, b) => a.key.localeCompare(b.key));
  }

  private async replace(tree: Tree): Promise<void> {
    const parsed = ConfigSchema.safeParse(tree);
    if (!parsed.success) throw invalidFile(this.path, parsed.error);
    const { default: Conf } = await import('conf');
    const conf = new Conf<Tree>({
      projectName: 'proxmox-ai',
      projectSuffix: '',
      cwd: this.dir,
      configName: 'config',
      configFileMode: 0o600,
      clearInvalidConfig: false,
      watch: false,
    });
    conf.store = tree;
    this.tree = tree;
  }
}

function invalidFile(file: string, error: unknown): ConfigError {
  const detail =
    error instanceof z.ZodError
      ? `${error.issues[0]?.path.join('.')}: ${error.issues[0]?.message}`
      : error instanceof Error
        ? error.message.replace(/^Config schema violation: /, '').replace(/`/g, "'")
        : String(error);
  return new ConfigError(
    `${file} is invalid (${detail}); fix the file or 'proxmox-ai config unset' the key`,
    'config.bad-file',
  );
}

function readTree(file: string): Tree {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Tree;
  } catch {
    // reported below
  }
  throw new ConfigError(`${file} is not a JSON object; fix the file or move it aside`, 'config.bad-file');
}
