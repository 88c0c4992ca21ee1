import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../support/cli.js';
import { auditRecords, spawnBinary, stdioClient } from '../mcp/binary.js';
import { accept, textOf } from '../mcp/support.js';

interface ShownRecord {
  kind: string;
  tool: string | null;
  origin: string;
  decidedBy: string | null;
  actor: { mcpClient: string | null };
  outcome: { status: string } | null;
}

describe('proxmox-ai mcp --demo on stdio (built binary, SDK client)', () => {
  it('lists the tools and answers a read call', async () => {
    const client = await stdioClient(tempHome(), 'e2e-reader');
    const { tools } = await client.listTools();
    const status = await client.callTool({ name: 'vm_status', arguments: { vmid: 101 } });
    await client.close();
    expect(tools.map((tool) => tool.name)).toEqual(
      expect.arrayContaining(['list_vms', 'vm_status', 'start_vm', 'stop_vm']),
    );
    expect(textOf(status)).toContain('VM 101 (db-01) on pve1: stopped');
  });

  it('denies shutdown_vm 200 to a client without elicitation, and the audit trail shows it', async () => {
    const home = tempHome();
    const client = await stdioClient(home, 'no-forms');
    const result = await client.callTool({ name: 'shutdown_vm', arguments: { vmid: 200 } });
    await client.close();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('no elicitation capability');
    const shown = await runCli(['audit', 'show', '--json', '--tool', 'shutdown_vm'], { home });
    expect(shown.code, shown.stderr).toBe(0);
    const result200 = (JSON.parse(shown.stdout) as ShownRecord[]).find((record) => record.kind === 'result');
    expect(result200).toMatchObject({
      tool: 'shutdown_vm',
      origin: 'mcp-stdio',
      actor: { mcpClient: 'no-forms' },
      outcome: { status: 'denied' },
    });
  });

  it('ends start_vm 105 and 104 in preflight failures with no elicitation, even for an accepting client', async () => {
    let elicited = 0;
    const client = await stdioClient(tempHome(), 'e2e-ide', (request) => (elicited++, accept(request)));
    const template = await client.callTool({ name: 'start_vm', arguments: { vmid: 105 } });
    const memory = await client.callTool({ name: 'start_vm', arguments: { vmid: 104 } });
    await client.close();
    expect(elicited).toBe(0);
    expect(textOf(template)).toContain('VM 105 (ubuntu-2404-tmpl) is a template; fix: clone_vm');
    expect(textOf(memory)).toContain('VM 104 (analytics) needs 96 GiB but pve1 has 64 GiB in total');
  });

  it('runs reboot_vm 200 when the elicitation is accepted, with the preview in the form and progress', async () => {
    const forms: string[] = [];
    const client = await stdioClient(
      tempHome(),
      'e2e-ide',
      (request) => (forms.push(request.params.message), accept(request)),
    );
    const progress: string[] = [];
    const result = await client.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } }, undefined, {
      onprogress: ({ message }) => progress.push(message ?? ''),
    });
    await client.close();
    expect(forms[0]).toContain('state: running, up 16d23h -> running (rebooted)');
    expect(textOf(result)).toContain('reboot CT 200 (dns) on pve2: OK');
    expect(progress[0]).toBe('reboot CT 200 (dns): task started');
  });

  it('denies shutdown_vm 100 (prod, typed) over MCP, then with mcp.trustElicitation runs it', async () => {
    const home = tempHome();
    const typed = await stdioClient(home, 'e2e-ide', () => ({ action: 'accept', content: { confirmation: '100' } }));
    const denied = await typed.callTool({ name: 'shutdown_vm', arguments: { vmid: 100 } });
    await typed.close();
    expect(textOf(denied)).toContain('typed confirmation is not taken from MCP clients');
    expect(await runCli(['config', 'set', 'mcp.trustElicitation', 'true'], { home })).toMatchObject({ code: 0 });
    const trusted = await stdioClient(home, 'e2e-ide', () => ({ action: 'accept', content: { confirmation: '100' } }));
    const ran = await trusted.callTool({ name: 'shutdown_vm', arguments: { vmid: 100 } });
    await trusted.close();
    expect(textOf(ran)).toContain('shutdown VM 100 (web-01) on pve1: OK');
    const answers = (await auditRecords(home)).filter((record) => record.kind === 'answer');
    expect(answers.map((record) => [record.verdict, record.decidedBy])).toEqual([
      ['deny', 'default'],
      ['allow', 'mcp-client:e2e-ide'],
    ]);
  });

  it('writes nothing but JSON-RPC to stdout, and exits 0 recording the session end when stdin closes', async () => {
    const home = tempHome();
    const server = spawnBinary(home, ['mcp', '--demo']);
    const send = (message: object) => server.child.stdin.write(`${JSON.stringify(message)}\n`);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    });
    await server.firstLine;
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    await new Promise<void>((resolve) =>
      server.child.stdout.on('data', () => server.output.stdout.includes('"id":2') && resolve()),
    );
    server.child.stdin.end();
    expect(await server.exited).toBe(0);
    const lines = server.output.stdout.trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { jsonrpc: string }).jsonrpc)).toEqual(['2.0', '2.0']);
    expect(server.output.stderr).toContain('serving on stdio');
    expect((await auditRecords(home)).map((record) => [record.kind, record.outcome?.summary ?? null])).toEqual([
      ['session-start', null],
      ['session-end', 'the MCP client disconnected'],
    ]);
  });

  it('stops on SIGTERM with exit 0 and records why', async () => {
    const home = tempHome();
    const server = spawnBinary(home, ['mcp', '--demo']);
    server.child.stdin.write(
      `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'raw', version: '1' } } })}\n`,
    );
    await server.firstLine;
    server.child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' })}\n`);
    await new Promise<void>((resolve) =>
      server.child.stdout.on('data', () => server.output.stdout.includes('"id":2') && resolve()),
    );
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const ends = (await auditRecords(home)).filter(
      (record) => record.kind === 'session-end' && record.actor.mcpClient === 'raw',
    );
    expect(ends.map((record) => record.outcome?.summary)).toEqual(['stopped by SIGTERM']);
  });
});
