import { keySpecs, resolveKey } from '../../config/keys.js';
import { ConfigStore } from '../../config/store.js';
import { parseValue } from '../../config/values.js';
import { ConfigError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';
import { printJson, printLine, type CommandContext } from '../io.js';
import { readStdinSecret } from '../read-secret.js';

const hidden = '[set]';

export async function configGet(ctx: CommandContext, key: string, options: { json?: boolean }): Promise<number> {
  const resolved = resolveKey(key);
  const value = ConfigStore.open(ctx.paths).get(resolved);
  if (value === undefined) throw new ConfigError(`${key} is not set`, 'config.not-set');
  const shown = resolved.spec.secret ? hidden : value;
  if (options.json) printJson(ctx.io.stdout, { key, value: shown });
  else printLine(ctx.io.stdout, format(shown));
  return ExitCode.ok;
}

export async function configSet(ctx: CommandContext, key: string, raw: string): Promise<number> {
  const resolved = resolveKey(key);
  const given = resolved.spec.secret && raw === '-' ? await readStdinSecret(ctx.io.stdin, key) : raw;
  const value = parseValue(resolved, given);
  const store = ConfigStore.open(ctx.paths);
  await store.set(resolved, value);
  printLine(ctx.io.stderr, resolved.spec.secret ? `${key} saved to secrets.json` : `${key} = ${format(value)}`);
  return ExitCode.ok;
}

export async function configUnset(ctx: CommandContext, key: string): Promise<number> {
  const profile = /^profiles\.([^.]+)$/.exec(key)?.[1];
  if (profile !== undefined) return unsetProfile(ctx, profile);
  const resolved = resolveKey(key);
  const store = ConfigStore.open(ctx.paths);
  if (store.get(resolved) === undefined) throw new ConfigError(`${key} is not set`, 'config.not-set');
  await store.unset(resolved);
  printLine(ctx.io.stderr, `${key} removed`);
  return ExitCode.ok;
}

/** `config unset profiles.NAME`: the profile and its secrets go; so does defaultProfile when it named it. */
async function unsetProfile(ctx: CommandContext, name: string): Promise<number> {
  const store = ConfigStore.open(ctx.paths);
  const removed = await store.removeProfile(name);
  if (!removed.profile && !removed.secrets) throw new ConfigError(`profiles.${name} is not set`, 'config.not-set');
  const also = [removed.secrets ? 'its secrets' : '', removed.wasDefault ? 'defaultProfile' : ''].filter(Boolean);
  printLine(ctx.io.stderr, `profiles.${name} removed${also.length ? `, with ${also.join(' and ')}` : ''}`);
  return ExitCode.ok;
}

export async function configList(ctx: CommandContext, options: { json?: boolean }): Promise<number> {
  const entries = ConfigStore.open(ctx.paths)
    .entries()
    .map(({ key, value, secret }) => ({ key, value: secret ? hidden : value }));
  if (options.json) {
    printJson(ctx.io.stdout, Object.fromEntries(entries.map(({ key, value }) => [key, value])));
  } else if (entries.length === 0) {
    printLine(ctx.io.stderr, "nothing set yet; 'proxmox-ai config keys' lists what can be set");
  } else {
    for (const { key, value } of entries) printLine(ctx.io.stdout, `${key} = ${format(value)}`);
  }
  return ExitCode.ok;
}

export async function configPath(ctx: CommandContext): Promise<number> {
  printLine(ctx.io.stdout, ctx.paths.configFile);
  return ExitCode.ok;
}

export async function configKeys(ctx: CommandContext): Promise<number> {
  for (const spec of keySpecs) {
    const type = spec.kind === 'enum' ? spec.choices?.join('|') : spec.kind;
    printLine(
      ctx.io.stdout,
      `${spec.pattern.padEnd(34)} ${`${type}${spec.secret ? ', secret' : ''}`.padEnd(18)} ${spec.description}`,
    );
  }
  return ExitCode.ok;
}

function format(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
