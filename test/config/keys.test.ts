import { describe, expect, it } from 'vitest';
import { keySpecs, nearestKey, resolveKey } from '../../src/config/keys.js';
import { parseValue } from '../../src/config/values.js';

describe('config keys', () => {
  it('covers every key the foundation issue names', () => {
    const patterns = keySpecs.map((spec) => spec.pattern);
    expect(patterns).toEqual(
      expect.arrayContaining([
        'profiles.<name>.url',
        'profiles.<name>.tokenId',
        'profiles.<name>.tokenSecret',
        'profiles.<name>.password',
        'profiles.<name>.fingerprint',
        'profiles.<name>.caFile',
        'profiles.<name>.node',
        'profiles.<name>.ssh.user',
        'profiles.<name>.ssh.keyFile',
        'defaultProfile',
        'ai.host',
        'ai.model',
        'ai.numCtx',
        'ai.maxSteps',
        'ai.maxReplyBytes',
        'ai.allowRemoteHost',
        'ai.cacheEnabled',
        'ai.cacheTtlSeconds',
        'policy.rulesFile',
        'policy.mode',
        'mcp.allowedOrigins',
        'mcp.trustElicitation',
        'iac.playbookDirs',
        'iac.allowInit',
      ]),
    );
  });

  it('marks only token secrets and passwords as secret', () => {
    expect(keySpecs.filter((spec) => spec.secret).map((spec) => spec.pattern)).toEqual([
      'profiles.<name>.password',
      'profiles.<name>.tokenSecret',
    ]);
  });

  it('resolves a profile key with the profile name in it', () => {
    const resolved = resolveKey('profiles.home-lab.url');
    expect(resolved.spec.pattern).toBe('profiles.<name>.url');
    expect(resolved.path).toEqual(['profiles', 'home-lab', 'url']);
  });

  it.each([
    ['ai.modle', 'ai.model'],
    ['ai.numctx', 'ai.numCtx'],
    ['profiles.home.ulr', 'profiles.home.url'],
    ['profiles.home.ssh.usr', 'profiles.home.ssh.user'],
    ['policy.mdoe', 'policy.mode'],
  ])('suggests %s -> %s', (typo, expected) => {
    expect(nearestKey(typo)).toBe(expected);
    expect(() => resolveKey(typo)).toThrow(`did you mean '${expected}'?`);
  });

  it('does not suggest a key for something far from every key', () => {
    expect(nearestKey('completely.unrelated.thing')).toBeUndefined();
  });

  it('rejects a profile name that would break the dotted path', () => {
    expect(() => resolveKey('profiles.a b.url')).toThrow(/unknown config key/);
  });
});

describe('config values', () => {
  const value = (key: string, raw: string) => parseValue(resolveKey(key), raw);

  it('parses integers, booleans and lists', () => {
    expect(value('ai.numCtx', '8192')).toBe(8192);
    expect(value('ai.maxReplyBytes', '131072')).toBe(131072);
    expect(value('ai.allowRemoteHost', 'yes')).toBe(true);
    expect(value('mcp.trustElicitation', 'false')).toBe(false);
    expect(value('mcp.allowedOrigins', 'http://localhost:6274, http://127.0.0.1:6274')).toEqual([
      'http://localhost:6274',
      'http://127.0.0.1:6274',
    ]);
    expect(value('iac.playbookDirs', '["/srv/playbooks"]')).toEqual(['/srv/playbooks']);
  });

  it('names the valid form when the type is wrong', () => {
    expect(() => value('ai.numCtx', 'lots')).toThrow("ai.numCtx must be a whole number; got 'lots'");
    expect(() => value('ai.cacheEnabled', 'maybe')).toThrow('must be true or false');
    expect(() => value('policy.mode', 'paranoid')).toThrow('must be one of normal, read-only');
  });

  it('enforces ranges and formats', () => {
    expect(() => value('ai.numCtx', '100')).toThrow(/ai\.numCtx must be/);
    expect(() => value('ai.maxReplyBytes', '100')).toThrow(/ai\.maxReplyBytes must be/);
    expect(() => value('ai.maxReplyBytes', '99999999')).toThrow(/ai\.maxReplyBytes must be/);
    expect(() => value('profiles.home.url', 'http://pve:8006')).toThrow(/https URL/);
    expect(() => value('profiles.home.tokenId', 'root')).toThrow(/USER@REALM!TOKENID/);
  });

  it('normalises a fingerprint to upper case', () => {
    const lower = Array.from({ length: 32 }, () => 'ab').join(':');
    expect(value('profiles.home.fingerprint', lower)).toBe(lower.toUpperCase());
    expect(() => value('profiles.home.fingerprint', 'AB:CD')).toThrow(/32 hex pairs/);
  });
});
