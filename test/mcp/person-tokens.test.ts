import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addPersonToken,
  legacyTokenWanted,
  listPersonTokens,
  loadOrCreateToken,
  revokePersonToken,
  serveHttp,
  TokenAuthority,
  type HttpServing,
  type TokenFiles,
} from '../../mcp/index.js';
import { callRecords, startMcpHost, textOf, type McpHost } from './support.js';

function tempFiles(): TokenFiles {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-tokens-'));
  return { store: path.join(dir, 'mcp-tokens.json'), legacy: path.join(dir, 'mcp-token') };
}

describe('person tokens: the store', () => {
  it('keeps only a salted hash of each token, in a 0600 file', async () => {
    const files = tempFiles();
    const token = await addPersonToken(files, 'alice');
    const stored = fs.readFileSync(files.store, 'utf8');
    expect(token).toMatch(/^pai_[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(4, 20));
    expect(fs.statSync(files.store).mode & 0o777).toBe(0o600);
    expect(JSON.parse(stored).tokens[0]).toMatchObject({
      name: 'alice',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('resolves each token to its person, and a token of one never to another', async () => {
    const files = tempFiles();
    const alice = await addPersonToken(files, 'alice');
    const bob = await addPersonToken(files, 'bob');
    const authority = new TokenAuthority(files);
    expect(authority.authenticate(alice)).toEqual({ ok: true, person: 'alice' });
    expect(authority.authenticate(bob)).toEqual({ ok: true, person: 'bob' });
    expect(authority.authenticate(`${alice}x`)).toEqual({ ok: false, reason: 'unknown or revoked bearer token' });
  });

  it('refuses a revoked token on the next check of a running authority', async () => {
    const files = tempFiles();
    const bob = await addPersonToken(files, 'bob');
    const authority = new TokenAuthority(files);
    expect(authority.authenticate(bob).ok).toBe(true);
    await revokePersonToken(files, 'bob');
    expect(authority.authenticate(bob)).toEqual({ ok: false, reason: 'unknown or revoked bearer token' });
  });

  it('refuses a token once its expiry has passed', async () => {
    const files = tempFiles();
    const created = new Date('2026-12-01T00:00:00Z');
    const token = await addPersonToken(files, 'ci-runner', { expiresDays: 2, now: created });
    expect(new TokenAuthority(files, () => new Date('2026-12-02T23:59:00Z')).authenticate(token).ok).toBe(true);
    expect(new TokenAuthority(files, () => new Date('2026-12-03T00:00:00Z')).authenticate(token)).toEqual({
      ok: false,
      reason: 'the token of ci-runner expired at 2026-12-03T00:00:00.000Z',
    });
  });

  it('lists name, created, last used and expiry, never a token', async () => {
    const files = tempFiles();
    const token = await addPersonToken(files, 'alice', { expiresDays: 30, now: new Date('2026-12-01T00:00:00Z') });
    new TokenAuthority(files, () => new Date('2026-12-05T10:00:00Z')).authenticate(token);
    await waitFor(() => listPersonTokens(files)[0]?.lastUsed !== null);
    expect(listPersonTokens(files)).toEqual([
      {
        name: 'alice',
        created: '2026-12-01T00:00:00.000Z',
        lastUsed: '2026-12-05T10:00:00.000Z',
        expires: '2026-12-31T00:00:00.000Z',
      },
    ]);
  });

  it('refuses a second token of the same name, and names that are not names', async () => {
    const files = tempFiles();
    await addPersonToken(files, 'alice');
    await expect(addPersonToken(files, 'alice')).rejects.toThrow(/a token named alice exists; revoke it first/);
    await expect(addPersonToken(files, 'al ice')).rejects.toThrow(/'al ice' is not a token name/);
    await expect(addPersonToken(files, 'mcp-token')).rejects.toThrow(/single token/);
    await expect(revokePersonToken(files, 'carol')).rejects.toThrow('no token named carol; tokens: alice');
  });

  it('keeps the single mcp-token working as the person mcp-token until it is revoked, then never recreates it', async () => {
    const files = tempFiles();
    expect(legacyTokenWanted(files)).toBe(true);
    const single = loadOrCreateToken(files.legacy);
    await addPersonToken(files, 'alice');
    const authority = new TokenAuthority(files);
    expect(authority.authenticate(single)).toEqual({ ok: true, person: 'mcp-token' });
    expect(listPersonTokens(files).map((token) => token.name)).toEqual(['mcp-token', 'alice']);
    await revokePersonToken(files, 'mcp-token');
    expect(fs.existsSync(files.legacy)).toBe(false);
    expect(authority.authenticate(single).ok).toBe(false);
    expect(legacyTokenWanted(files)).toBe(false);
  });

  it('creates no shared token for a team that already has person tokens', async () => {
    const files = tempFiles();
    await addPersonToken(files, 'alice');
    expect(legacyTokenWanted(files)).toBe(false);
  });
});

let host: McpHost | undefined;
let serving: HttpServing | undefined;
afterEach(async () => {
  await serving?.close('test finished');
  await host?.close();
  serving = undefined;
  host = undefined;
});

const aliceRebootsDns = `
- id: alice-reboots-dns
  tools: [reboot_vm]
  where: { vmid: [200], actor: [alice] }
  verdict: allow
- id: ci-reads-only
  risk: [change, destructive]
  where: { actor: ["ci-*"] }
  verdict: deny
`;

async function serveTeam() {
  host = await startMcpHost({ connection: { origin: 'mcp-http' }, policy: aliceRebootsDns });
  const files = { store: host.ctx.paths.mcpTokensFile, legacy: host.ctx.paths.mcpTokenFile };
  const tokens = {
    alice: await addPersonToken(files, 'alice'),
    bob: await addPersonToken(files, 'bob'),
    ci: await addPersonToken(files, 'ci-nightly'),
  };
  const people = new TokenAuthority(files);
  serving = await serveHttp({
    listen: { host: '127.0.0.1', port: 0 },
    guard: { authenticate: (presented) => people.authenticate(presented), allowedOrigins: [], allowedHosts: [] },
    connect: host.connect,
  });
  return { host, files, tokens, url: serving.url };
}

async function personClient(url: string, token: string, name: string, asked: string[] = []) {
  const client = new Client({ name, version: '1.0.0' }, { capabilities: { elicitation: { form: {} } } });
  client.setRequestHandler(ElicitRequestSchema, () => {
    asked.push(name);
    return { action: 'accept', content: {} };
  });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  return { client, transport };
}

describe('person tokens over mcp --http', () => {
  it('records each person as actor.person; a rule lets alice reboot CT 200 without a form while bob is asked', async () => {
    const { host: mcp, tokens, url } = await serveTeam();
    const asked: string[] = [];
    const alice = await personClient(url, tokens.alice, 'alice-ide', asked);
    const bob = await personClient(url, tokens.bob, 'bob-ide', asked);
    const byAlice = await alice.client.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } });
    const byBob = await bob.client.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } });
    await Promise.all([alice.client.close(), bob.client.close()]);
    expect(asked).toEqual(['bob-ide']);
    expect(textOf(byAlice)).not.toContain('denied');
    expect(textOf(byBob)).not.toContain('denied');
    const records = await mcp.records();
    const decisions = records.filter((record) => record.kind === 'decision' && record.tool === 'reboot_vm');
    expect(decisions.map((record) => [record.actor.person, record.verdict, record.ruleId])).toEqual([
      ['alice', 'allow', 'alice-reboots-dns'],
      ['bob', 'ask', 'changes-ask'],
    ]);
    const sessions = new Map(records.map((record) => [record.session, record.actor.person]));
    for (const record of records) expect(record.actor.person).toBe(sessions.get(record.session));
    expect(new Set(sessions.values())).toEqual(new Set(['alice', 'bob']));
  });

  it('shows a CI token only the tools it may use, and denies a change it names anyway', async () => {
    const { tokens, url, host: mcp } = await serveTeam();
    const ci = await personClient(url, tokens.ci, 'ci');
    const names = (await ci.client.listTools()).tools.map((tool) => tool.name);
    const start = await ci.client.callTool({ name: 'start_vm', arguments: { vmid: 105 } });
    await ci.client.close();
    expect(names).toContain('list_vms');
    expect(names).not.toContain('start_vm');
    expect(textOf(start)).toContain('denied by policy (rule ci-reads-only: change by ci-nightly is denied)');
    expect(callRecords(await mcp.records(), 'start_vm')[1]).toMatchObject({
      kind: 'decision',
      ruleId: 'ci-reads-only',
      actor: { person: 'ci-nightly' },
    });
  });

  it('refuses a revoked token at once with 401, also on the session it already has open', async () => {
    const { files, tokens, url } = await serveTeam();
    const bob = await personClient(url, tokens.bob, 'bob-ide');
    await bob.client.listTools();
    await revokePersonToken(files, 'bob');
    await expect(bob.client.listTools()).rejects.toThrow(/401|unknown or revoked bearer token/);
    const sessionId = bob.transport.sessionId!;
    const raw = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${tokens.bob}`,
        'mcp-session-id': sessionId,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
    });
    expect(raw.status).toBe(401);
  });

  it("refuses another person's token on a session it did not open (403)", async () => {
    const { tokens, url } = await serveTeam();
    const alice = await personClient(url, tokens.alice, 'alice-ide');
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${tokens.bob}`,
        'mcp-session-id': alice.transport.sessionId!,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
    });
    await alice.client.close();
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringContaining('not bob') } });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
}
