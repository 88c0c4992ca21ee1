import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveKey } from '../../src/config/keys.js';
import { resolvePaths } from '../../src/config/paths.js';
import { resolveProfile } from '../../src/config/profile.js';
import { ConfigStore } from '../../src/config/store.js';

function freshPaths() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-store-'));
  return resolvePaths({ PROXMOX_AI_HOME: path.join(home, 'state') });
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('ConfigStore', () => {
  it('creates the config directory 0700 and config.json 0600', async () => {
    const paths = freshPaths();
    await ConfigStore.open(paths).set(resolveKey('ai.model'), 'qwen3:8b');
    expect(mode(paths.configDir)).toBe(0o700);
    expect(mode(paths.configFile)).toBe(0o600);
  });

  it('keeps secrets out of config.json and writes them 0600', async () => {
    const paths = freshPaths();
    const store = ConfigStore.open(paths);
    await store.set(resolveKey('profiles.home.url'), 'https://127.0.0.1:8006');
    await store.set(resolveKey('profiles.home.tokenSecret'), 'c0ffee00-1234-4bcd-9def-0123456789ab');
    expect(fs.readFileSync(paths.configFile, 'utf8')).not.toContain('c0ffee00');
    expect(fs.readFileSync(paths.secretsFile, 'utf8')).toContain('c0ffee00');
    expect(mode(paths.secretsFile)).toBe(0o600);
  });

  it('lists secrets as set without their value', async () => {
    const paths = freshPaths();
    const store = ConfigStore.open(paths);
    await store.set(resolveKey('profiles.home.password'), 'hunter2');
    expect(store.entries()).toEqual([{ key: 'profiles.home.password', value: 'hunter2', secret: true }]);
  });

  it('unset removes the key and the empty objects above it', async () => {
    const paths = freshPaths();
    const store = ConfigStore.open(paths);
    await store.set(resolveKey('profiles.lab.node'), 'pve1');
    await store.unset(resolveKey('profiles.lab.node'));
    expect(JSON.parse(fs.readFileSync(paths.configFile, 'utf8'))).toEqual({});
  });

  it('names the bad field of a hand-edited config file', () => {
    const paths = freshPaths();
    fs.mkdirSync(paths.configDir, { recursive: true });
    fs.writeFileSync(paths.configFile, JSON.stringify({ ai: { numCtx: 'big' } }));
    expect(() => ConfigStore.open(paths)).toThrow(/config\.json is invalid \(.*numCtx/);
  });

  it('rejects unknown keys in the file', () => {
    const paths = freshPaths();
    fs.mkdirSync(paths.configDir, { recursive: true });
    fs.writeFileSync(paths.configFile, JSON.stringify({ ai: { modle: 'x' } }));
    expect(() => ConfigStore.open(paths)).toThrow(/invalid/);
  });
});

describe('resolveProfile', () => {
  const config = { profiles: { home: { url: 'https://127.0.0.1:8006', tokenId: 'root@pam!ai' } } };

  it('uses the only profile when none is named', () => {
    expect(resolveProfile(config, {}, undefined, {}).name).toBe('home');
  });

  it('attaches the stored secret, and the environment overrides it', () => {
    const secrets = { profiles: { home: { tokenSecret: 'stored' } } };
    expect(resolveProfile(config, secrets, 'home', {}).tokenSecret).toBe('stored');
    expect(resolveProfile(config, secrets, 'home', { PROXMOX_AI_TOKEN_SECRET: 'from-env' }).tokenSecret).toBe(
      'from-env',
    );
  });

  it('explains how to add a profile when there is none', () => {
    expect(() => resolveProfile({}, {}, undefined, {})).toThrow(/config set profiles\.home\.url/);
  });

  it('names the known profiles when asked for a missing one', () => {
    expect(() => resolveProfile(config, {}, 'work', {})).toThrow("profile 'work' does not exist; known profiles: home");
  });
});
