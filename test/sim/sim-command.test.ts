import { spawn, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Readable } from 'node:stream';
import tls from 'node:tls';
import { Agent, fetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { binary, runCli, tempHome } from '../support/cli.js';

type SimProcess = ChildProcessByStdio<null, Readable, Readable>;

interface Announcement {
  url: string;
  tokenId: string;
  tokenSecret: string;
  fingerprint: string;
}

const running: SimProcess[] = [];

function spawnSim(args: string[] = []): SimProcess {
  const home = tempHome();
  const child = spawn(process.execPath, [binary, 'sim', ...args], {
    env: { PATH: process.env.PATH, HOME: home, PROXMOX_AI_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  return child;
}

function firstLine(child: SimProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes('\n')) resolve(buffer.slice(0, buffer.indexOf('\n')));
    });
    child.once('exit', (code) => reject(new Error(`sim exited with ${code} before printing`)));
  });
}

function exitOf(child: SimProcess): Promise<{ code: number | null; stdout: string }> {
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout })));
}

/** The server's certificate, checked against the announced fingerprint before it is trusted. */
function pinnedCertificate(url: string, fingerprint: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    // Safety: nothing is sent on this socket; the certificate is trusted below only if its SHA-256 matches the pin.
    const socket = tls.connect({ host: '127.0.0.1', port: Number(port), rejectUnauthorized: false }, () => {
      const certificate = socket.getPeerX509Certificate();
      socket.destroy();
      if (certificate?.fingerprint256 === fingerprint) resolve(certificate.toString());
      else reject(new Error(`certificate ${certificate?.fingerprint256} does not match ${fingerprint}`));
    });
    socket.once('error', reject);
  });
}

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('proxmox-ai sim', () => {
  it('prints one JSON line with url, token and fingerprint, and serves the demo with that token', async () => {
    const child = spawnSim();
    const announcement = JSON.parse(await firstLine(child)) as Announcement;
    expect(Object.keys(announcement)).toEqual(['url', 'tokenId', 'tokenSecret', 'fingerprint']);
    expect(announcement.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(announcement.tokenId).toBe('root@pam!sim');
    expect(announcement.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const dispatcher = new Agent({
      connect: { ca: await pinnedCertificate(announcement.url, announcement.fingerprint) },
    });
    const headers = { authorization: `PVEAPIToken=${announcement.tokenId}=${announcement.tokenSecret}` };
    const call = async (method: string, apiPath: string) => {
      const response = await fetch(`${announcement.url}/api2/json${apiPath}`, { method, headers, dispatcher });
      return ((await response.json()) as { data: unknown }).data;
    };
    const vms = (await call('GET', '/cluster/resources?type=vm')) as Array<{ vmid: number }>;
    expect(vms.map((vm) => vm.vmid)).toEqual([100, 101, 102, 103, 104, 105, 200]);

    const upid = (await call('POST', '/nodes/pve1/qemu/101/status/start')) as string;
    expect(upid).toMatch(/^UPID:pve1:/);
    let status: { status: string; exitstatus?: string } = { status: 'running' };
    while (status.status === 'running')
      status = (await call('GET', `/nodes/pve1/tasks/${encodeURIComponent(upid)}/status`)) as typeof status;
    expect(status.exitstatus).toBe('start failed: QEMU exited with code 1');
    const log = (await call('GET', `/nodes/pve1/tasks/${encodeURIComponent(upid)}/log`)) as Array<{ t: string }>;
    expect(log.map((line) => line.t)).toContain("bridge 'vmbr1' does not exist");
    await dispatcher.close();
  });

  it('stops on SIGTERM with exit code 0 and prints nothing more', async () => {
    const child = spawnSim();
    const exit = exitOf(child);
    await firstLine(child);
    child.kill('SIGTERM');
    const { code, stdout } = await exit;
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('stops on SIGINT with exit code 0', async () => {
    const child = spawnSim();
    const exit = exitOf(child);
    await firstLine(child);
    child.kill('SIGINT');
    expect((await exit).code).toBe(0);
  });

  it('serves a scenario file given with --scenario on the port given with --port', async () => {
    const port = await freePort();
    const home = tempHome();
    const file = path.join(home, 'one.yaml');
    fs.writeFileSync(file, 'name: one\nnodes: [{ name: solo }]\n');
    const child = spawnSim(['--port', String(port), '--scenario', file]);
    const announcement = JSON.parse(await firstLine(child)) as Announcement;
    expect(announcement.url).toBe(`https://127.0.0.1:${port}`);
  });

  it('fails with exit code 2 and one line naming the field and line of a bad scenario', async () => {
    const home = tempHome();
    const file = path.join(home, 'bad.yaml');
    fs.writeFileSync(file, 'name: bad\nnodes:\n  - name: pve1\n    cpus: lots\n');
    const result = await runCli(['sim', '--scenario', file], { home });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'proxmox-ai: scenario bad.yaml: nodes[0].cpus (line 4): Invalid input: expected number, received string\n',
    );
  });

  it('fails with one line when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const result = await runCli(['sim', '--port', String(port)], { home: tempHome() });
    blocker.close();
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `proxmox-ai: port ${port} on 127.0.0.1 is already in use; choose another with --port, or --port 0 for a free one\n`,
    );
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
