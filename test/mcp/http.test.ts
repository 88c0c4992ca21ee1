import fs from 'node:fs';
import http from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema, LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { Agent } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveHttp, TokenAuthority, type HttpServing } from '../../mcp/index.js';
import { createCertificate } from '../../src/sim/server/certificate.js';
import { accept, callRecords, decline, startMcpHost, textOf, type ElicitAnswer, type McpHost } from './support.js';

const token = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';
let host: McpHost | undefined;
let serving: HttpServing | undefined;

afterEach(async () => {
  await serving?.close('test finished');
  await host?.close();
  serving = undefined;
  host = undefined;
});

/** The single token of a one-person set-up, in the host's mcp-token file. */
function guardOf(mcp: McpHost, allowedOrigins: string[] = [], allowedHosts: string[] = []) {
  fs.writeFileSync(mcp.ctx.paths.mcpTokenFile, `${token}\n`, { mode: 0o600 });
  const people = new TokenAuthority({ store: mcp.ctx.paths.mcpTokensFile, legacy: mcp.ctx.paths.mcpTokenFile });
  return { authenticate: (presented: string) => people.authenticate(presented), allowedOrigins, allowedHosts };
}

async function serve(allowedOrigins: string[] = [], taskDurationMs = 0, allowedHosts: string[] = []) {
  host = await startMcpHost({ connection: { origin: 'mcp-http' }, taskDurationMs });
  serving = await serveHttp({
    listen: { host: '127.0.0.1', port: 0 },
    guard: guardOf(host, allowedOrigins, allowedHosts),
    connect: host.connect,
  });
  return { host, url: serving.url, serving };
}

const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

function post(url: string, headers: Record<string, string>, body = initialize) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body,
  });
}

/** With `postOnly`, the client never opens the standalone GET stream, so server requests can only come on a call's own stream. */
async function httpClient(url: string, name: string, elicit?: ElicitAnswer, postOnly = false) {
  const client = new Client({ name, version: '1.0.0' }, { capabilities: elicit ? { elicitation: { form: {} } } : {} });
  if (elicit) client.setRequestHandler(ElicitRequestSchema, (request) => elicit(request));
  const noGet = (input: string | URL, init?: RequestInit) =>
    init?.method === 'GET' ? Promise.resolve(new Response(null, { status: 405 })) : fetch(input, init);
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
      ...(postOnly ? { fetch: noGet } : {}),
    }),
  );
  return client;
}

describe('MCP over Streamable HTTP: the door', () => {
  it('refuses a Host that is not a loopback name or listed in mcp.allowedHosts (403)', async () => {
    const { url } = await serve([], 0, ['pve-admin.lan']);
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(url, { method: 'POST', headers: { host, authorization: `Bearer ${token}` } });
        request.on('response', (response) => resolve(response.statusCode ?? 0)).on('error', reject);
        request.end(initialize);
      });
    expect(await status('evil.example:8765')).toBe(403);
    expect(await status('127.0.0.1.evil.example')).toBe(403);
    expect(await status('pve-admin.lan:8765')).not.toBe(403);
    expect(await status('localhost')).not.toBe(403);
    expect(await status('[::1]:8765')).not.toBe(403);
  });

  it('announces an http URL on 127.0.0.1 ending in /mcp', async () => {
    const { url } = await serve();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  });

  it('refuses a request without a token: 401, a Bearer challenge and a JSON-RPC error body', async () => {
    const { url } = await serve();
    const response = await post(url, {});
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      error: { code: -32000, message: expect.stringContaining('missing bearer token') },
      id: null,
    });
  });

  it('refuses a wrong token with 401', async () => {
    const { url } = await serve();
    const response = await post(url, { authorization: 'Bearer not-the-token' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { message: 'unknown or revoked bearer token' } });
  });

  it('refuses an Origin that is not in mcp.allowedOrigins with 403, even with the right token', async () => {
    const { url } = await serve(['http://localhost:6274']);
    const response = await post(url, { authorization: `Bearer ${token}`, origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      jsonrpc: '2.0',
      error: { message: expect.stringContaining('mcp.allowedOrigins') },
      id: null,
    });
  });

  it('accepts an Origin listed in mcp.allowedOrigins', async () => {
    const { url } = await serve(['http://localhost:6274']);
    const response = await post(url, { authorization: `Bearer ${token}`, origin: 'http://localhost:6274' });
    expect(response.status).toBe(200);
    expect(response.headers.get('mcp-session-id')).toBeTruthy();
  });

  it('serves HTTPS with --tls-cert/--tls-key, verified against that certificate', async () => {
    host = await startMcpHost({ connection: { origin: 'mcp-http' } });
    const certificate = await createCertificate(new Date());
    const listen = {
      host: '127.0.0.1',
      port: 0,
      tls: { cert: Buffer.from(certificate.cert), key: Buffer.from(certificate.key) },
    };
    serving = await serveHttp({ listen, guard: guardOf(host), connect: host.connect });
    const trusting = new Agent({ connect: { ca: certificate.cert } });
    const response = await fetch(serving.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        accept: 'application/json, text/event-stream',
      },
      body: initialize,
      dispatcher: trusting,
    } as RequestInit);
    await trusting.close();
    expect(serving.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(response.status).toBe(200);
  });

  it('answers 404 for a session id it does not know', async () => {
    const { url } = await serve();
    const response = await post(
      url,
      { authorization: `Bearer ${token}`, 'mcp-session-id': 'no-such-session' },
      JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    );
    expect(response.status).toBe(404);
  });
});

describe('MCP over Streamable HTTP: sessions', () => {
  it('serves tools, a read call, and a change confirmed by elicitation on the call stream', async () => {
    const { url, host: mcp } = await serve();
    const client = await httpClient(url, 'http-ide', accept);
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    const status = await client.callTool({ name: 'vm_status', arguments: { vmid: 100 } });
    const reboot = await client.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } });
    await client.close();
    expect(names).toContain('start_vm');
    expect(textOf(status)).toContain('VM 100 (web-01) on pve1: running');
    expect(textOf(reboot)).toContain('reboot CT 200 (dns) on pve2: OK');
    expect(callRecords(await mcp.records(), 'reboot_vm')[0]).toMatchObject({
      origin: 'mcp-http',
      actor: { mcpClient: 'http-ide' },
    });
  });

  it("asks for confirmation on the call's own stream, so a client without a GET stream is asked too", async () => {
    const { url } = await serve();
    const client = await httpClient(url, 'post-only', accept, true);
    const reboot = await client.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } });
    await client.close();
    expect(textOf(reboot)).toContain('reboot CT 200 (dns) on pve2: OK');
  });

  it('sends progress on the call stream and aborts the wait when the client cancels', async () => {
    const { url, host: mcp } = await serve([], 60_000);
    const client = await httpClient(url, 'canceller', accept);
    const cancel = new AbortController();
    const progress: string[] = [];
    const call = client.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } }, undefined, {
      signal: cancel.signal,
      onprogress: ({ message }) => {
        progress.push(message ?? '');
        cancel.abort('stop');
      },
    });
    await expect(call).rejects.toThrow();
    expect(progress[0]).toBe('reboot CT 200 (dns): task started');
    await vi.waitFor(
      async () =>
        expect(callRecords(await mcp.records(), 'reboot_vm').at(-1)).toMatchObject({
          kind: 'result',
          outcome: { status: 'aborted' },
        }),
      { timeout: 5_000 },
    );
    await client.close();
  });

  it('keeps two concurrent sessions apart: each confirmation goes to its own client and session', async () => {
    const { url, host: mcp } = await serve();
    const asked = { alpha: 0, beta: 0 };
    const alpha = await httpClient(url, 'alpha', (request) => (asked.alpha++, accept(request)));
    const beta = await httpClient(url, 'beta', (request) => (asked.beta++, decline(request)));
    const [fromAlpha, fromBeta] = await Promise.all([
      alpha.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } }),
      beta.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } }),
    ]);
    await Promise.all([alpha.close(), beta.close()]);
    expect(asked).toEqual({ alpha: 1, beta: 1 });
    expect(textOf(fromAlpha)).toContain('OK');
    expect(textOf(fromBeta)).toContain('not approved');
    const answers = (await mcp.records()).filter((record) => record.kind === 'answer');
    const sessionOf = (client: string) => answers.find((record) => record.actor.mcpClient === client);
    expect(sessionOf('alpha')).toMatchObject({ decidedBy: 'mcp-client:alpha', verdict: 'allow' });
    expect(sessionOf('beta')).toMatchObject({ decidedBy: 'mcp-client:beta', verdict: 'deny' });
    expect(sessionOf('alpha')?.session).not.toBe(sessionOf('beta')?.session);
  });

  it('records the end of every open session when the server closes', async () => {
    const { url, host: mcp, serving: server } = await serve();
    const client = await httpClient(url, 'lingering');
    await client.listTools();
    await server.close('stopped by SIGTERM');
    serving = undefined;
    const end = (await mcp.records()).find((record) => record.kind === 'session-end');
    expect(end).toMatchObject({ actor: { mcpClient: 'lingering' }, outcome: { summary: 'stopped by SIGTERM' } });
  });
});
