import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditRecords, spawnBinary } from '../mcp/binary.js';
import { textOf } from '../mcp/support.js';
import { runCli, tempHome } from '../support/cli.js';
import { startRsyslog, type TestRsyslog } from '../support/rsyslog.js';
import { systemPrograms } from '../support/sshd.js';

const hasRsyslog = systemPrograms('a team behind one mcp --http, forwarding to rsyslog', ['rsyslogd']);

const aliceRebootsDns = `- id: alice-reboots-dns
  tools: [reboot_vm]
  where: { vmid: [200], actor: [alice] }
  verdict: allow
`;

let rsyslog: TestRsyslog | undefined;
const children: Array<ReturnType<typeof spawnBinary>> = [];
afterEach(async () => {
  for (const running of children.splice(0)) running.child.kill('SIGKILL');
  await rsyslog?.stop();
  rsyslog = undefined;
});

async function personClient(url: string, token: string, name: string, asked: string[]) {
  const client = new Client({ name, version: '1.0.0' }, { capabilities: { elicitation: { form: {} } } });
  client.setRequestHandler(ElicitRequestSchema, () => {
    asked.push(name);
    return { action: 'accept', content: {} };
  });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
  );
  return client;
}

async function cli(home: string, args: string[]) {
  const run = await runCli(args, { home });
  if (run.code !== 0) throw new Error(`proxmox-ai ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run.stdout;
}

const patiently = { timeout: 45_000, interval: 500 };

describe.runIf(hasRsyslog)('a team behind one mcp --http (built binary, real rsyslog)', { timeout: 240_000 }, () => {
  it('tells alice and bob apart, lets a rule decide by person, refuses a revoked token, and rsyslog ends with the whole trail despite an outage', async () => {
    rsyslog = await startRsyslog();
    const home = tempHome();
    fs.writeFileSync(path.join(home, 'policy.yaml'), aliceRebootsDns);
    await cli(home, ['config', 'set', 'audit.forward.url', rsyslog.url]);
    const alice = (await cli(home, ['mcp', 'token', 'add', 'alice'])).trim();
    const bob = (await cli(home, ['mcp', 'token', 'add', 'bob', '--expires', '30'])).trim();

    const server = spawnBinary(home, ['mcp', '--http', '--demo']);
    children.push(server);
    const announce = JSON.parse(await server.firstLine) as { url: string; tokenFile: string | null };
    expect(announce.tokenFile).toBeNull();

    const asked: string[] = [];
    const aliceIde = await personClient(announce.url, alice, 'alice-ide', asked);
    const bobIde = await personClient(announce.url, bob, 'bob-ide', asked);
    expect(textOf(await aliceIde.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } }))).not.toMatch(/denied/);
    expect(textOf(await bobIde.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } }))).not.toMatch(/denied/);
    expect(asked).toEqual(['bob-ide']);

    // The receiver goes away: calls go on, the trail keeps growing locally.
    await rsyslog.stop();
    expect(textOf(await aliceIde.callTool({ name: 'vm_status', arguments: { vmid: 200 } }))).toContain('CT 200');
    expect(textOf(await bobIde.callTool({ name: 'list_nodes', arguments: {} }))).toContain('pve1');
    await cli(home, ['mcp', 'token', 'revoke', 'bob']);
    await expect(bobIde.listTools()).rejects.toThrow(/401|unknown or revoked bearer token/);
    await rsyslog.start();

    // The server's own forwarder catches up once the receiver is back.
    await vi.waitFor(async () => {
      const status = JSON.parse(await cli(home, ['audit', 'forward', 'status', '--json'])) as { lag: number };
      expect(status.lag).toBe(0);
    }, patiently);
    await aliceIde.close();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    // Whatever the server wrote as it stopped, the forwarder service delivers.
    const service = spawnBinary(home, ['audit', 'forward']);
    children.push(service);
    // It reports on stderr only; stdout stays empty.
    service.firstLine.catch(() => undefined);
    await vi.waitFor(async () => {
      const status = JSON.parse(await cli(home, ['audit', 'forward', 'status', '--json'])) as { lag: number };
      expect(status.lag).toBe(0);
    }, patiently);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);

    const records = await auditRecords(home);
    const decisions = records.filter((record) => record.kind === 'decision' && record.tool === 'reboot_vm');
    expect(decisions.map((record) => [record.actor.person, record.verdict, record.ruleId])).toEqual([
      ['alice', 'allow', 'alice-reboots-dns'],
      ['bob', 'ask', 'changes-ask'],
    ]);
    expect(records.filter((record) => record.origin === 'mcp-http').every((record) => record.actor.person)).toBe(true);

    const local = JSON.parse(await cli(home, ['audit', 'verify', '--json'])) as { records: number; lastHash: string };
    const copy = JSON.parse(await cli(home, ['audit', 'verify', '--file', rsyslog.copyFile, '--json'])) as {
      ok: boolean;
      records: number;
      lastHash: string;
    };
    expect(copy).toMatchObject({ ok: true, records: local.records, lastHash: local.lastHash });
    expect(local.records).toBe(records.length);
  });
});
