import fs from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { tempHome } from '../support/cli.js';
import { auditRecords, spawnBinary, stdioClient } from '../mcp/binary.js';
import { textOf } from '../mcp/support.js';

let running: ReturnType<typeof spawnBinary> | undefined;
afterEach(() => {
  running?.child.kill('SIGKILL');
  running = undefined;
});

const twoMegabytes = 'x'.repeat(2 * 1024 * 1024);
const refusal = 'invalid arguments for vm_status: the arguments are larger than 65536 characters; send a shorter value';

async function httpClient(url: string, token: string, name: string): Promise<Client> {
  const client = new Client({ name, version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
  );
  return client;
}

describe('proxmox-ai mcp against hostile input (built binary)', () => {
  it('refuses a 2 MB argument over stdio as invalid, audits it cut, and keeps answering', async () => {
    const home = tempHome();
    const client = await stdioClient(home, 'hostile-stdio');
    const huge = await client.callTool({ name: 'vm_status', arguments: { vmid: 101, node: twoMegabytes } });
    const list = await client.callTool({ name: 'list_vms', arguments: {} });
    await client.close();
    expect(huge.isError).toBe(true);
    expect(textOf(huge)).toBe(refusal);
    expect(textOf(list)).toContain('db-01');
    const call = (await auditRecords(home)).find((record) => record.kind === 'call' && record.tool === 'vm_status');
    expect(String((call?.args as { node: string }).node)).toMatch(/^x{256}… \[cut: 2097152 characters, 256 shown\]$/);
  });

  it("over HTTP, answers a second client's list_vms while refusing the first client's 2 MB argument", async () => {
    const home = tempHome();
    running = spawnBinary(home, ['mcp', '--http', '--demo']);
    const { url, tokenFile } = JSON.parse(await running.firstLine) as { url: string; tokenFile: string };
    const token = fs.readFileSync(tokenFile, 'utf8').trim();
    const [hostile, bystander] = await Promise.all([
      httpClient(url, token, 'hostile-http'),
      httpClient(url, token, 'bystander'),
    ]);
    const [huge, list] = await Promise.all([
      hostile.callTool({ name: 'vm_status', arguments: { vmid: 101, node: twoMegabytes } }),
      bystander.callTool({ name: 'list_vms', arguments: {} }),
    ]);
    await Promise.all([hostile.close(), bystander.close()]);
    expect(textOf(huge)).toBe(refusal);
    expect(textOf(list)).toContain('db-01');
  });

  it('ends on SIGTERM while a call waits for a confirmation that never comes', { timeout: 15_000 }, async () => {
    const home = tempHome();
    running = spawnBinary(home, ['mcp', '--http', '--demo']);
    const { url, tokenFile } = JSON.parse(await running.firstLine) as { url: string; tokenFile: string };
    const client = new Client({ name: 'silent', version: '1.0.0' }, { capabilities: { elicitation: { form: {} } } });
    const asked = new Promise<void>((resolve) =>
      client.setRequestHandler(ElicitRequestSchema, () => {
        resolve();
        return new Promise(() => undefined);
      }),
    );
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { authorization: `Bearer ${fs.readFileSync(tokenFile, 'utf8').trim()}` } },
      }),
    );
    void client.callTool({ name: 'reboot_vm', arguments: { vmid: 200 } }).catch(() => undefined);
    await asked;
    running.child.kill('SIGTERM');
    expect(await running.exited).not.toBeUndefined();
    expect(running.child.exitCode ?? running.child.signalCode).not.toBeNull();
  });
});
