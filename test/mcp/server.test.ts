import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  accept,
  callRecords,
  connectClient,
  decline,
  startMcpHost,
  textOf,
  type HostOptions,
  type McpHost,
} from './support.js';

let host: McpHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function hostWith(options: HostOptions = {}) {
  host = await startMcpHost(options);
  return host;
}

describe('MCP server: tools', () => {
  it('lists every built-in tool with its title, input schema and risk annotations', async () => {
    const { connect } = await hostWith();
    const { client, close } = await connectClient(connect, 'lister');
    const { tools } = await client.listTools();
    await close();
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get('vm_status')).toMatchObject({
      title: expect.any(String),
      inputSchema: { type: 'object', required: ['vmid'] },
      annotations: { readOnlyHint: true, openWorldHint: false },
    });
    expect(byName.get('start_vm')?.annotations).toEqual({ destructiveHint: false, openWorldHint: false });
    expect(byName.get('set_vm_network')?.annotations).toEqual({
      destructiveHint: false,
      openWorldHint: false,
      idempotentHint: true,
    });
    expect(byName.get('migrate_vm')?.annotations).toEqual({ destructiveHint: false, openWorldHint: false });
    // MCP defaults: readOnlyHint false and destructiveHint true, so a destructive tool states neither.
    expect(byName.get('stop_vm')?.annotations).toEqual({ openWorldHint: false });
    expect(tools.map((tool) => tool.name)).toEqual([...tools.map((tool) => tool.name)].sort());
  });

  it('does not list tools the policy hides (read-only mode)', async () => {
    const { connect } = await hostWith({ config: { policy: { mode: 'read-only' } } });
    const { client, close } = await connectClient(connect, 'lister');
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    await close();
    expect(names).toContain('vm_status');
    expect(names).not.toContain('start_vm');
    expect(names).not.toContain('stop_vm');
  });

  it('runs a read call through the scheduler and audits it with origin and client name', async () => {
    const mcp = await hostWith();
    const { client, close } = await connectClient(mcp.connect, 'Claude Desktop');
    const result = await client.callTool({ name: 'vm_status', arguments: { vmid: 101 } });
    await close();
    expect(result.isError).toBeUndefined();
    expect(textOf(result)).toContain('VM 101 (db-01) on pve1: stopped');
    expect(result.structuredContent).toMatchObject({ vmid: 101, name: 'db-01' });
    const records = callRecords(await mcp.records(), 'vm_status');
    expect(records.map((record) => record.kind)).toEqual(['call', 'decision', 'result']);
    expect(records[0]).toMatchObject({ origin: 'mcp-stdio', actor: { mcpClient: 'Claude-Desktop' } });
  });

  it('sends invalid arguments through the scheduler too: audited, isError, naming the bad field', async () => {
    const mcp = await hostWith();
    const { client, close } = await connectClient(mcp.connect, 'sloppy');
    const result = await client.callTool({ name: 'vm_status', arguments: { vmid: 'db' } });
    await close();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^invalid arguments for vm_status: vmid/);
    expect(callRecords(await mcp.records(), 'vm_status').at(-1)).toMatchObject({
      kind: 'result',
      outcome: { status: 'failed' },
    });
  });

  it('treats a confirm: true argument as what it is: an unknown argument that grants nothing', async () => {
    const mcp = await hostWith();
    const { client, close } = await connectClient(mcp.connect, 'pushy');
    const result = await client.callTool({ name: 'start_vm', arguments: { vmid: 105, confirm: true } });
    await close();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('unknown argument(s) confirm');
  });
});

describe('MCP server: confirmation by elicitation', () => {
  it('shows the tool, the resolved target and the validated arguments; decline denies and is audited', async () => {
    const mcp = await hostWith();
    const asked: string[] = [];
    const { client, close } = await connectClient(mcp.connect, 'ide', (request) => {
      asked.push(request.params.message);
      return decline(request);
    });
    const result = await client.callTool({ name: 'shutdown_vm', arguments: { vmid: '200' } });
    await close();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('shutdown_vm');
    expect(asked[0]).toContain('CT 200 (dns), node pve2');
    expect(asked[0]).toContain('arguments: {"vmid":200}');
    expect(asked[0]).toContain('state: running, up 16d23h -> stopped (clean shutdown)');
    expect(asked[0]).toContain('HA: not managed');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('not approved');
    const answer = callRecords(await mcp.records(), 'shutdown_vm').find((record) => record.kind === 'answer');
    expect(answer).toMatchObject({
      verdict: 'deny',
      decidedBy: 'mcp-client:ide',
      outcome: { summary: 'the client answered decline' },
    });
  });

  it('runs the call when the client accepts, recorded as decided by the client', async () => {
    const mcp = await hostWith();
    const { client, close } = await connectClient(mcp.connect, 'ide', accept);
    const result = await client.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } });
    await close();
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toContain('reboot CT 200 (dns) on pve2: OK');
    const records = callRecords(await mcp.records(), 'reboot_vm');
    expect(records.find((record) => record.kind === 'answer')).toMatchObject({
      verdict: 'allow',
      decidedBy: 'mcp-client:ide',
    });
    expect(records.at(-1)).toMatchObject({ kind: 'result', outcome: { status: 'ok' } });
  });

  it('ends start_vm 105 and 104 in preflight failures without eliciting, even from an accepting client', async () => {
    const mcp = await hostWith();
    const elicit = vi.fn(accept);
    const { client, close } = await connectClient(mcp.connect, 'ide', elicit);
    const template = await client.callTool({ name: 'start_vm', arguments: { vmid: 105 } });
    const memory = await client.callTool({ name: 'start_vm', arguments: { vmid: 104 } });
    await close();
    expect(elicit).not.toHaveBeenCalled();
    expect(template.isError).toBe(true);
    expect(textOf(template)).toContain('VM 105 (ubuntu-2404-tmpl) is a template; fix: clone_vm');
    expect(textOf(memory)).toContain('VM 104 (analytics) needs 96 GiB but pve1 has 64 GiB in total');
    const records = (await mcp.records()).filter((record) => record.tool === 'start_vm');
    expect(records.map((record) => record.kind)).not.toContain('answer');
    expect(records.filter((record) => record.kind === 'preflight')).toHaveLength(2);
  });

  it('denies without asking a client that has no elicitation, naming the rule that would allow the call', async () => {
    const mcp = await hostWith();
    const { client, close } = await connectClient(mcp.connect, 'script');
    const result = await client.callTool({ name: 'shutdown_vm', arguments: { vmid: 200 } });
    await close();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('no elicitation capability');
    expect(textOf(result)).toContain(
      '- {id: allow-shutdown_vm-200, tools: [shutdown_vm], where: {vmid: [200]}, verdict: allow}',
    );
    expect(callRecords(await mcp.records(), 'shutdown_vm').at(-1)).toMatchObject({
      kind: 'result',
      outcome: { status: 'denied' },
    });
  });

  it('denies typed confirmation over MCP without eliciting when trustElicitation is off', async () => {
    const mcp = await hostWith();
    const elicit = vi.fn(accept);
    const { client, close } = await connectClient(mcp.connect, 'ide', elicit);
    const result = await client.callTool({ name: 'shutdown_vm', arguments: { vmid: 100 } });
    await close();
    expect(elicit).not.toHaveBeenCalled();
    expect(textOf(result)).toContain('prod-changes-typed');
    expect(textOf(result)).toContain('mcp.trustElicitation');
  });

  it('with trustElicitation asks for the vmid or name to be typed, and runs the call when it matches', async () => {
    const mcp = await hostWith({ config: { mcp: { trustElicitation: true } } });
    const { client, close } = await connectClient(mcp.connect, 'ide', (request) => {
      expect(request.params).toMatchObject({ requestedSchema: { required: ['confirmation'] } });
      return { action: 'accept', content: { confirmation: 'web-01' } };
    });
    const result = await client.callTool({ name: 'shutdown_vm', arguments: { vmid: 100 } });
    await close();
    expect(textOf(result)).toContain('shutdown VM 100 (web-01) on pve1: OK');
  });

  it('with trustElicitation denies a typed confirmation whose text does not match', async () => {
    const mcp = await hostWith({ config: { mcp: { trustElicitation: true } } });
    const { client, close } = await connectClient(mcp.connect, 'ide', () => ({
      action: 'accept',
      content: { confirmation: '101' },
    }));
    const result = await client.callTool({ name: 'shutdown_vm', arguments: { vmid: 100 } });
    await close();
    expect(textOf(result)).toContain('the confirmation text did not match');
  });

  it('denies when the client does not answer in time', async () => {
    const mcp = await hostWith({ connection: { elicitationTimeoutMs: 50 } });
    const { client, close } = await connectClient(mcp.connect, 'slow', () => new Promise(() => undefined));
    const result = await client.callTool({ name: 'shutdown_vm', arguments: { vmid: 200 } });
    await close();
    expect(textOf(result)).toContain('no answer within 50 ms');
    expect(callRecords(await mcp.records(), 'shutdown_vm').find((record) => record.kind === 'answer')).toMatchObject({
      verdict: 'deny',
      decidedBy: 'mcp-client:slow',
    });
  });
});

describe('MCP server: long tasks', () => {
  it('sends progress notifications while a Proxmox task runs', async () => {
    const mcp = await hostWith();
    const { client, close } = await connectClient(mcp.connect, 'ide', accept);
    const messages: string[] = [];
    await client.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } }, undefined, {
      onprogress: (progress) => messages.push(progress.message ?? ''),
    });
    await close();
    expect(messages[0]).toBe('reboot CT 200 (dns): task started');
    expect(messages).toContain('TASK OK');
  });

  it('aborts the wait when the client cancels, and audits the call as aborted', async () => {
    const mcp = await hostWith({ taskDurationMs: 60_000 });
    const { client, close } = await connectClient(mcp.connect, 'ide', accept);
    const cancel = new AbortController();
    const call = client.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } }, undefined, {
      signal: cancel.signal,
      onprogress: () => cancel.abort('user pressed stop'),
    });
    await expect(call).rejects.toThrow();
    await vi.waitFor(
      async () =>
        expect(callRecords(await mcp.records(), 'reboot_vm').at(-1)).toMatchObject({
          kind: 'result',
          outcome: { status: 'aborted' },
        }),
      { timeout: 5_000 },
    );
    await close();
  });
});

describe('MCP server: prompts and sessions', () => {
  it('serves diagnose_vm with the vmid filled in and cluster_health', async () => {
    const { connect } = await hostWith();
    const { client, close } = await connectClient(connect, 'ide');
    const names = (await client.listPrompts()).prompts.map((prompt) => prompt.name);
    const diagnose = await client.getPrompt({ name: 'diagnose_vm', arguments: { vmid: '101' } });
    await close();
    expect(names).toEqual(['diagnose_vm', 'cluster_health']);
    expect(textOf({ content: [diagnose.messages[0]!.content] })).toContain('Call `diagnose_vm` with vmid 101 first');
  });

  it('records one session start and end per connection, stamped with the client name', async () => {
    const mcp = await hostWith();
    const { client, close } = await connectClient(mcp.connect, 'auditor');
    await client.listTools();
    await close();
    const ends = (await mcp.records()).filter(
      (record) => record.kind === 'session-start' || record.kind === 'session-end',
    );
    expect(ends.map((record) => [record.kind, record.actor.mcpClient, record.origin])).toEqual([
      ['session-start', 'auditor', 'mcp-stdio'],
      ['session-end', 'auditor', 'mcp-stdio'],
    ]);
  });
});
