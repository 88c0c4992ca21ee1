import Conf from 'conf';
import { z } from 'zod';
import { ConfigError } from '../core/errors/config-error.js';
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
 * config.json (stored through `conf`) plus secrets.json. ConfigSchema (zod)
 * checks the file on open and every tree before it is written; secret keys are
 * routed to the secrets file only. (conf's own ajv schema costs ~100 ms of
 * compiling per start, so zod does the checking.)
 */
export class ConfigStore {
  private constructor(
    private readonly conf: Conf<Tree>,
    private readonly secrets: SecretsFile,
  ) {}

  static open(paths: StatePaths): ConfigStore {
    ensurePrivateDir(paths.configDir);
    let conf: Conf<Tree>;
    try {
      conf = new Conf<Tree>({
        projectName: 'proxmox-ai',
        projectSuffix: '',
        cwd: paths.configDir,
        configName: 'config',
        configFileMode: 0o600,
        clearInvalidConfig: false,
        watch: false,
      });
    } catch (error) {
      throw invalidFile(paths.configFile, error);
    }
    const store = new ConfigStore(conf, new SecretsFile(paths.secretsFile));
    store.read();
    return store;
  }

  get path(): string {
    return this.conf.path;
  }

  /** The whole validated config. */
  read(): AppConfig {
    const parsed = ConfigSchema.safeParse(this.conf.store);
    if (!parsed.success) throw invalidFile(this.conf.path, parsed.error);
    return parsed.data;
  }

  readSecrets(): Secrets {
    return this.secrets.read();
  }

  get({ path, spec }: ResolvedKey): unknown {
    return getPath(spec.secret ? (this.secrets.read() as Tree) : this.conf.store, path);
  }

  set({ path, spec }: ResolvedKey, value: unknown): void {
    if (spec.secret) this.secrets.write(setPath(this.secrets.read() as Tree, path, value) as Secrets);
    else this.replace(setPath(this.conf.store, path, value));
  }

  unset({ path, spec }: ResolvedKey): void {
    if (spec.secret) this.secrets.write(deletePath(this.secrets.read() as Tree, path) as Secrets);
    else this.replace(deletePath(this.conf.store, path));
  }

  entries(): ConfigEntry[] {
    const plain = leaves(this.conf.store).map(([path, value]) => ({ key: path.join('.'), value, secret: false }));
    const hidden = leaves(this.secrets.read() as Tree).map(([path, value]) => ({ key: path.join('.'), value, secret: true }));
    return [...plain, ...hidden].sort((a, b) => a.key.localeCompare(b.key));
  }

  private replace(tree: Tree): void {
    const parsed = ConfigSchema.safeParse(tree);
    if (!parsed.success) throw invalidFile(this.conf.path, parsed.error);
    this.conf.store = tree;
  }
}

function invalidFile(file: string, error: unknown): ConfigError {
  const detail =
    error instanceof z.ZodError
      ? `${error.issues[0]?.path.join('.')}: ${error.issues[0]?.message}`
      : error instanceof Error
        ? error.message.replace(/^Config schema violation: /, '').replace(/`/g, "'")
        : String(error);
  return new ConfigError(`${file} is invalid (${detail}); fix the file or 'proxmox-ai config unset' the key`, 'config.bad-file');
}
