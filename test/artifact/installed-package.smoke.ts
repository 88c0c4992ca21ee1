import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedOllama, type ScriptedOllama } from '../../harness/scripted-ollama.js';
import { tempHome } from '../support/cli.js';

/**
 * The installed command from the packed tarball, run by the machine's own Node (the PATH that
 * `.ci/smoke-artifact` hands over), not by the Node 24 the tests use.
 */
const command = process.env.PROXMOX_AI_ARTIFACT;
const systemPath = process.env.PROXMOX_AI_ARTIFACT_PATH;
if (!command || !systemPath)
  throw new Error('run the smoke suite through .ci/smoke-artifact (it packs and installs the tarball)');

const home = tempHome();
const env = { PATH: systemPath, HOME: home, PROXMOX_AI_HOME: home, TERM: 'xterm-256color', LANG: 'C.UTF-8' };
const version = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')).version;

function run(args: string[], extraEnv: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(command!, args, { env: { ...env, ...extraEnv }, timeout: 25_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe(`installed proxmox-ai ${version}`, () => {
  it('runs on the machine’s own Node', () => {
    const nodeVersion = execFileSync('node', ['--version'], { env, encoding: 'utf8' }).trim();
    console.log(`smoke: installed command runs on Node ${nodeVersion}`);
    expect(nodeVersion).toMatch(/^v\d+\./);
  });

  it('prints its version', async () => {
    const result = await run(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('doctor finds no fault with this Node', async () => {
    const result = await run(['doctor', '--json']);
    const report = JSON.parse(result.stdout) as { checks: Array<{ id: string; status: string }> };
    expect(report.checks.find((check) => check.id === 'node')?.status).toBe('ok');
  });

  it('diagnoses VM 101 on the demo cluster', async () => {
    const result = await run(['diagnose', '101', '--demo']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('bridge-missing');
  });

  describe('ask against a scripted model server', () => {
    let ollama: ScriptedOllama;
    beforeAll(async () => {
      ollama = await startScriptedOllama({
        script: [{ toolCalls: [{ name: 'vm_status', arguments: { vmid: 100 } }] }, { text: 'VM 100 is running.' }],
      });
    });
    afterAll(() => ollama.close());

    it('answers one question through a tool call', async () => {
      const result = await run(['ask', '--demo', 'is VM 100 up?', '--json'], { OLLAMA_HOST: ollama.url });
      const answer = JSON.parse(result.stdout) as { answer: string; toolCalls: Array<{ tool: string }> };
      expect(answer.answer).toContain('VM 100 is running.');
      expect(answer.toolCalls.map((call) => call.tool)).toEqual(['vm_status']);
    });
  });

  it('serves tools/list over MCP stdio', async () => {
    const child = spawn(command, ['mcp', '--demo'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    const lines = readline.createInterface({ input: child.stdout });
    const answers = new Map<number, unknown>();
    const answered = (id: number) =>
      new Promise<unknown>((resolve) => {
        const check = () => (answers.has(id) ? resolve(answers.get(id)) : lines.once('line', check));
        lines.on('line', (line) => {
          const message = JSON.parse(line) as { id?: number; result?: unknown };
          if (message.id !== undefined) answers.set(message.id, message.result);
        });
        check();
      });
    const send = (message: object) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
    send({
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'smoke', version: '1' } },
    });
    await answered(1);
    send({ method: 'notifications/initialized' });
    send({ id: 2, method: 'tools/list', params: {} });
    const list = (await answered(2)) as { tools: Array<{ name: string }> };
    child.kill('SIGTERM');
    expect(list.tools.map((tool) => tool.name)).toEqual(
      expect.arrayContaining(['list_vms', 'diagnose_vm', 'start_vm']),
    );
  });

  it('opens the TUI: its first frame in tmux at 80x24', async () => {
    const socket = `smoke-${process.pid}`;
    const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { env, encoding: 'utf8' });
    tmux('new-session', '-d', '-x', '80', '-y', '24', '-s', 'tui', `${command} --demo`);
    try {
      let screen = '';
      for (let tries = 0; tries < 100 && !/\/help/.test(screen); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        screen = tmux('capture-pane', '-p', '-t', 'tui');
      }
      console.log(`smoke: first TUI frame\n${screen}`);
      expect(screen).toContain('proxmox-ai');
      expect(screen).toContain('/help');
    } finally {
      tmux('kill-server');
    }
  });
});
