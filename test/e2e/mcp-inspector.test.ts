import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { binary, tempHome } from '../support/cli.js';

// The MCP Inspector CLI from npx's cache only (--offline): the test never downloads it. Pinned to
// the release cached on this machine (the newest one needs packages that are not cached).
const npx = ['--offline', '-y', '@modelcontextprotocol/inspector@0.15.0'];
const inspectorCached =
  spawnSync('npx', [...npx, '--help'], { cwd: os.tmpdir(), timeout: 60_000, encoding: 'utf8' }).stdout?.includes(
    '--cli',
  ) ?? false;
if (!inspectorCached)
  console.warn(
    '!!! SKIPPED test/e2e/mcp-inspector.test.ts: @modelcontextprotocol/inspector@0.15.0 is not in the npx cache (no downloads in tests)',
  );

function inspect(home: string, method: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'npx',
      [
        ...npx,
        '--cli',
        '-e',
        `PROXMOX_AI_HOME=${home}`,
        process.execPath,
        binary,
        'mcp',
        '--demo',
        '--method',
        ...method,
      ],
      {
        cwd: os.tmpdir(),
        env: { ...process.env, PROXMOX_AI_HOME: home },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!inspectorCached)('MCP Inspector CLI against proxmox-ai mcp --demo', () => {
  it('lists the tools with their annotations', async () => {
    const run = await inspect(tempHome(), ['tools/list']);
    expect(run.code, run.stderr).toBe(0);
    const { tools } = JSON.parse(run.stdout) as {
      tools: Array<{ name: string; annotations: Record<string, boolean> }>;
    };
    // Only hints that differ from the MCP defaults are sent: stop_vm is destructive, not read-only, by default.
    expect(tools.find((tool) => tool.name === 'stop_vm')?.annotations).toEqual({ openWorldHint: false });
    expect(tools.find((tool) => tool.name === 'list_vms')?.annotations).toEqual({
      readOnlyHint: true,
      openWorldHint: false,
    });
  }, 60_000);

  it('calls a read tool', async () => {
    const run = await inspect(tempHome(), ['tools/call', '--tool-name', 'vm_status', '--tool-arg', 'vmid=101']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('VM 101 (db-01) on pve1: stopped');
  }, 60_000);

  it('gets a change call denied: the Inspector CLI cannot answer elicitation', async () => {
    const run = await inspect(tempHome(), ['tools/call', '--tool-name', 'shutdown_vm', '--tool-arg', 'vmid=200']);
    const result = JSON.parse(run.stdout) as { isError: boolean; content: Array<{ text: string }> };
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text).toContain('no elicitation capability');
  }, 60_000);

  it('gets the diagnose_vm prompt', async () => {
    const run = await inspect(tempHome(), ['prompts/get', '--prompt-name', 'diagnose_vm', '--prompt-args', 'vmid=101']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('vmid 101');
  }, 60_000);
});
