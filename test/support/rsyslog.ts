import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findOnPath } from '../../src/iac/process/find-program.js';

const systemPath = `${process.env.PATH ?? ''}:/usr/sbin:/usr/bin:/sbin:/bin`;

/** The netstream driver rsyslog needs for TLS (Debian package rsyslog-openssl). */
export function rsyslogTlsDriver(): boolean {
  return ['/usr/lib/x86_64-linux-gnu/rsyslog', '/usr/lib/aarch64-linux-gnu/rsyslog', '/usr/lib/rsyslog'].some((dir) =>
    fs.existsSync(path.join(dir, 'lmnsd_ossl.so')),
  );
}

export interface RsyslogTls {
  caFile: string;
  certFile: string;
  keyFile: string;
}

export interface TestRsyslog {
  /** `tcp://127.0.0.1:PORT` or `tls://127.0.0.1:PORT`. */
  url: string;
  /** Where it stores the message text of every proxmox-ai message, one per line. */
  copyFile: string;
  dir: string;
  /** The lines stored so far. */
  lines(): string[];
  /** Stops it (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port, appending to the same copy file. */
  start(): Promise<void>;
}

/**
 * A real rsyslogd on 127.0.0.1 with its own config and work directory,
 * receiving RFC 5424 over TCP (imtcp; TLS through the ossl driver when
 * `tls` is given) and storing each message's text, as the team's log
 * system would (see docs/team.md).
 */
export async function startRsyslog(options: { tls?: RsyslogTls; appName?: string } = {}): Promise<TestRsyslog> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-rsyslog-'));
  const copyFile = path.join(dir, 'trail.jsonl');
  const portFile = path.join(dir, 'port');
  const appName = options.appName ?? 'proxmox-ai';
  const program = findOnPath('rsyslogd', systemPath)!;
  let port = 0;
  let child: ChildProcess | undefined;

  const writeConfig = () => {
    const tls = options.tls;
    fs.writeFileSync(
      path.join(dir, 'rsyslog.conf'),
      [
        `global(workDirectory="${dir}" maxMessageSize="256k"${tls ? ` defaultNetstreamDriverCAFile="${tls.caFile}" defaultNetstreamDriverCertFile="${tls.certFile}" defaultNetstreamDriverKeyFile="${tls.keyFile}"` : ''})`,
        tls
          ? 'module(load="imtcp" streamDriver.name="ossl" streamDriver.mode="1" streamDriver.authMode="anon")'
          : 'module(load="imtcp")',
        `input(type="imtcp" address="127.0.0.1" port="${port}" listenPortFileName="${portFile}" ruleset="trail")`,
        'template(name="recordLine" type="string" string="%msg%\\n")',
        'ruleset(name="trail") {',
        `  if $app-name == "${appName}" then action(type="omfile" file="${copyFile}" template="recordLine")`,
        '}',
        '',
      ].join('\n'),
    );
  };

  const start = async () => {
    fs.rmSync(portFile, { force: true });
    writeConfig();
    const started = spawn(program, ['-n', '-f', path.join(dir, 'rsyslog.conf'), '-i', path.join(dir, 'rsyslogd.pid')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = started;
    let log = '';
    started.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const deadline = Date.now() + 15_000;
    // rsyslogd writes the port file only for port 0; a restart on the known port is ready once it accepts.
    while (!(port === 0 ? portWritten(portFile) : await accepts(port))) {
      if (started.exitCode !== null) throw new Error(`rsyslogd exited (${started.exitCode}) before listening: ${log}`);
      if (Date.now() > deadline) throw new Error(`rsyslogd did not listen within 15 s: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (port === 0) port = Number(fs.readFileSync(portFile, 'utf8').trim());
  };

  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      if (!running || running.exitCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });

  await start();
  return {
    get url() {
      return `${options.tls ? 'tls' : 'tcp'}://127.0.0.1:${port}`;
    },
    copyFile,
    dir,
    lines: () =>
      fs.existsSync(copyFile)
        ? fs
            .readFileSync(copyFile, 'utf8')
            .split('\n')
            .filter((line) => line !== '')
        : [],
    stop,
    start,
  };
}

function portWritten(file: string): boolean {
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8').trim() !== '';
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
