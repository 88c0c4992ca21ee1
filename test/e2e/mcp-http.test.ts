import fs from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../support/cli.js';
import { auditRecords, spawnBinary } from '../mcp/binary.js';
import { textOf } from '../mcp/support.js';

let running: ReturnType<typeof spawnBinary> | undefined;
afterEach(() => {
  running?.child.kill('SIGKILL');
  running = undefined;
});

async function serveHttp(home: string, extra: string[] = []) {
  running = spawnBinary(home, ['mcp', '--http', '--demo', ...extra]);
  const announce = JSON.parse(await running.firstLine) as { url: string; tokenFile: string; token?: string };
  return { server: running, announce };
}

describe('proxmox-ai mcp --http --demo (built binary)', () => {
  it('announces {url, tokenFile} on one line; the token file is 0600', async () => {
    const home = tempHome();
    const { announce } = await serveHttp(home);
    expect(Object.keys(announce)).toEqual(['url', 'tokenFile']);
    expect(announce.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(announce.tokenFile).toBe(`${home}/mcp-token`);
    expect(fs.statSync(announce.tokenFile).mode & 0o777).toBe(0o600);
  });

  it('serves an SDK client holding the token, with elicitation, and refuses one without it', async () => {
    const home = tempHome();
    const { announce } = await serveHttp(home);
    const token = fs.readFileSync(announce.tokenFile, 'utf8').trim();
    const client = new Client({ name: 'http-e2e', version: '1.0.0' }, { capabilities: { elicitation: { form: {} } } });
    client.setRequestHandler(ElicitRequestSchema, () => ({ action: 'accept', content: {} }));
    await client.connect(
      new StreamableHTTPClientTransport(new URL(announce.url), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    const result = await client.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } });
    await client.close();
    expect(textOf(result)).toContain('reboot CT 200 (dns) on pve2: OK');
    const anonymous = new Client({ name: 'anonymous', version: '1.0.0' });
    await expect(anonymous.connect(new StreamableHTTPClientTransport(new URL(announce.url)))).rejects.toThrow(
      /401|missing bearer token/,
    );
  });

  it('adds the token to the announce line with --print-token', async () => {
    const { announce } = await serveHttp(tempHome(), ['--print-token']);
    expect(announce.token).toBe(fs.readFileSync(announce.tokenFile, 'utf8').trim());
  });

  it('ends its sessions on SIGTERM with exit 0, recorded in the audit trail', async () => {
    const home = tempHome();
    const { server, announce } = await serveHttp(home);
    const token = fs.readFileSync(announce.tokenFile, 'utf8').trim();
    const client = new Client({ name: 'http-term', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(announce.url), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    await client.listTools();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const end = (await auditRecords(home)).find((record) => record.kind === 'session-end');
    expect(end).toMatchObject({
      origin: 'mcp-http',
      actor: { mcpClient: 'http-term' },
      outcome: { summary: 'stopped by SIGTERM' },
    });
  });

  it('refuses to bind a non-loopback address without TLS (exit 2)', async () => {
    const run = await runCli(['mcp', '--http', '--demo', '--host', '0.0.0.0'], { home: tempHome() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--host 0.0.0.0 is reachable from other machines');
    expect(run.stdout).toBe('');
  });

  it('says --print-token goes with --http (exit 2)', async () => {
    const run = await runCli(['mcp', '--demo', '--print-token'], { home: tempHome() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--print-token goes with --http');
  });
});
