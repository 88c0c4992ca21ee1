import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findOnPath } from '../../src/iac/process/find-program.js';

const systemPath = `${process.env.PATH ?? ''}:/usr/sbin:/usr/bin:/sbin:/bin`;

/**
 * The system programs a test drives for real. When one is missing the test is
 * skipped with one loud line, unless PROXMOX_AI_REQUIRE_SYSTEM_TOOLS=1 (CI),
 * where the test file fails instead.
 */
export function systemPrograms(suite: string, names: readonly string[]): boolean {
  const missing = names.filter((name) => !findOnPath(name, systemPath));
  if (missing.length === 0) return true;
  const line = `${suite}: ${missing.join(', ')} not installed (Debian: see .ci/system-packages)`;
  if (process.env.PROXMOX_AI_REQUIRE_SYSTEM_TOOLS === '1') throw new Error(`REQUIRED SYSTEM PROGRAM MISSING: ${line}`);
  console.warn(`SKIPPED: ${line}`);
  return false;
}

export interface TestSshd {
  host: '127.0.0.1';
  port: number;
  user: string;
  /** Private key of the one user key sshd accepts. */
  userKeyFile: string;
  /** A known_hosts file that trusts exactly this server's host key. */
  knownHostsFile: string;
  /** The host key's public line (`ssh-ed25519 AAAA...`). */
  hostPublicKey: string;
  /** Directory put first on PATH for commands run over this server (stand-ins for node programs). */
  binDir: string;
  dir: string;
  close(): Promise<void>;
}

/**
 * A real OpenSSH server on 127.0.0.1 and a random port, with its own host
 * key, one authorised user key and config in a temp dir; it runs as the
 * current user and accepts only that user's key.
 */
export async function startSshd(): Promise<TestSshd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-sshd-'));
  const binDir = path.join(dir, 'bin');
  fs.mkdirSync(binDir);
  const keygen = findOnPath('ssh-keygen', systemPath)!;
  execFileSync(keygen, ['-q', '-t', 'ed25519', '-N', '', '-C', 'test-host', '-f', path.join(dir, 'host_key')]);
  execFileSync(keygen, ['-q', '-t', 'ed25519', '-N', '', '-C', 'test-user', '-f', path.join(dir, 'user_key')]);
  const userPublic = fs.readFileSync(path.join(dir, 'user_key.pub'), 'utf8').trim();
  const hostPublicKey = fs.readFileSync(path.join(dir, 'host_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
  fs.writeFileSync(
    path.join(dir, 'authorized_keys'),
    `environment="PATH=${binDir}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin" ${userPublic}\n`,
    { mode: 0o600 },
  );
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${path.join(dir, 'host_key')}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'PermitUserEnvironment PATH',
      'UsePAM no',
      'StrictModes no',
      'Subsystem sftp internal-sftp',
      // The classic exchange is several times faster than the post-quantum default on a small CI machine.
      'KexAlgorithms curve25519-sha256',
      'PrintMotd no',
      'PrintLastLog no',
      'UseDNS no',
      'LogLevel INFO',
      '',
    ].join('\n'),
  );
  const knownHostsFile = path.join(dir, 'known_hosts');
  fs.writeFileSync(knownHostsFile, `[127.0.0.1]:${port} ${hostPublicKey}\n`);
  // sshd started as root insists on its privilege separation directory, which the ssh service would create.
  if (process.getuid?.() === 0) fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const sshd = spawn(findOnPath('sshd', systemPath)!, ['-D', '-e', '-f', path.join(dir, 'sshd_config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(`Server listening on 127.0.0.1 port ${port}`)) {
        sshd.stderr.off('data', onData);
        sshd.stderr.resume();
        resolve();
      }
    };
    sshd.stderr.on('data', onData);
    sshd.once('exit', (code) => reject(new Error(`sshd exited (${code}) before listening: ${log.trim()}`)));
  });
  return {
    host: '127.0.0.1',
    port,
    user: os.userInfo().username,
    userKeyFile: path.join(dir, 'user_key'),
    knownHostsFile,
    hostPublicKey,
    binDir,
    dir,
    close: () =>
      new Promise<void>((resolve) => {
        if (sshd.exitCode !== null) return resolve();
        sshd.once('exit', () => resolve());
        sshd.kill('SIGTERM');
      }),
  };
}

/** Writes an executable stand-in for a program into `dir`. */
export function writeExecutable(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text, { mode: 0o755 });
  return file;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
