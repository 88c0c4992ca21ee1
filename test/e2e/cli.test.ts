import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { binary, runCli, tempHome } from '../support/cli.js';

describe('proxmox-ai (built binary)', () => {
  it('prints its version', async () => {
    const run = await runCli(['--version'], { home: tempHome() });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists the commands with a purpose and examples in --help', async () => {
    const run = await runCli(['--help'], { home: tempHome() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/config\s+read and change settings/);
    expect(run.stdout).toMatch(/doctor .*check this machine/);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('proxmox-ai config set profiles.home.url');
  });

  it('ends quietly when the reader closes the pipe (--help | head)', async () => {
    const child = spawn(process.execPath, [binary, '--help'], { env: { PATH: process.env.PATH, HOME: tempHome() } });
    // The reading end closes before anything is written: every write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('exits 2 naming the nearest key on a typo', async () => {
    const run = await runCli(['config', 'set', 'ai.modle', 'x'], { home: tempHome() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("proxmox-ai: unknown config key 'ai.modle'; did you mean 'ai.model'?\n");
  });

  it('stores a token secret only in secrets.json, 0600, and lists it as [set]', async () => {
    const home = tempHome();
    const secret = '8f2d6c1e-4b7a-4e0f-9c3d-2a1b0c9d8e7f';
    expect((await runCli(['config', 'set', 'profiles.home.url', 'https://127.0.0.1:8006'], { home })).code).toBe(0);
    expect((await runCli(['config', 'set', 'profiles.home.tokenSecret', secret], { home })).code).toBe(0);
    expect(fs.readFileSync(path.join(home, 'config.json'), 'utf8')).not.toContain(secret);
    expect(fs.readFileSync(path.join(home, 'secrets.json'), 'utf8')).toContain(secret);
    expect(fs.statSync(path.join(home, 'secrets.json')).mode & 0o777).toBe(0o600);
    const list = await runCli(['config', 'list'], { home });
    expect(list.stdout).toContain('profiles.home.tokenSecret = [set]');
    expect(list.stdout).not.toContain(secret);
  });

  it('prints the config file path', async () => {
    const home = tempHome();
    expect((await runCli(['config', 'path'], { home })).stdout.trim()).toBe(path.join(home, 'config.json'));
  });

  it('prints exactly one JSON error document with --json', async () => {
    const run = await runCli(['config', 'get', 'ai.model', '--json'], { home: tempHome() });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ error: { code: 'config.not-set', message: 'ai.model is not set' } });
  });

  it('exits 2 on an unknown command without a stack trace', async () => {
    const run = await runCli(['frobnicate'], { home: tempHome() });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });

  it('keeps what was recorded when a later set fails', async () => {
    const home = tempHome();
    await runCli(['config', 'set', 'ai.numCtx', '16384'], { home });
    expect((await runCli(['config', 'set', 'ai.numCtx', 'huge'], { home })).code).toBe(2);
    expect((await runCli(['config', 'get', 'ai.numCtx'], { home })).stdout.trim()).toBe('16384');
  });

  it('doctor reports a reachable local Ollama and the egress classes', async () => {
    const ollama = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(req.url === '/api/version' ? '{"version":"0.12.3"}' : '{}');
    });
    await new Promise<void>((resolve) => ollama.listen(0, '127.0.0.1', resolve));
    const { port } = ollama.address() as AddressInfo;
    try {
      const run = await runCli(['doctor', '--json'], { home: tempHome(), env: { OLLAMA_HOST: `127.0.0.1:${port}` } });
      const report = JSON.parse(run.stdout) as { checks: Array<{ id: string; status: string; message: string }> };
      const byId = Object.fromEntries(report.checks.map((check) => [check.id, check]));
      expect(byId.ollama).toMatchObject({ status: 'ok', message: `Ollama 0.12.3 at http://127.0.0.1:${port}` });
      expect(byId.profiles).toMatchObject({ status: 'warn' });
      expect(byId['egress:other']?.message).toContain('no telemetry');
      expect(run.code).toBe(0);
    } finally {
      ollama.close();
    }
  });

  it('doctor refuses a remote Ollama host without ai.allowRemoteHost', async () => {
    const run = await runCli(['doctor', '--json'], {
      home: tempHome(),
      env: { OLLAMA_HOST: 'http://ollama.example.net:11434' },
    });
    const report = JSON.parse(run.stdout) as { checks: Array<{ id: string; status: string; fix?: string }> };
    expect(report.checks.find((check) => check.id === 'ollama')).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('ai.allowRemoteHost'),
    });
    expect(run.code).toBe(1);
  });
});
