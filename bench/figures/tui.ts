import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../src/config/package-info.js';
import { runTui } from '../../src/ui/run-tui.js';
import { startScriptedOllama } from '../../test/peers/scripted-ollama.js';
import { FakeBackend } from '../../test/ui/support/fake-backend.js';
import { FakeTtyIn, FakeTtyOut } from '../../test/ui/support/fake-tty.js';
import { round, summarise, type BenchSuite } from '../figure.js';

/**
 * tuiFirstFrameRatio: time to the first frame of `proxmox-ai --demo` (scripted
 * Ollama, embedded simulator) over the time to the first frame of a bare Ink
 * "hello" app; both in a pseudo-terminal from `script`, sampled alternately.
 * tuiFrameMs20k / tuiFrameMs2k: one frame (a PgUp/PgDn keypress through Ink
 * to the painted rows) over a transcript of 20,000 / 2,000 rows, in process.
 * tuiStreamCpuPct: CPU of the process while the TUI renders a stream of
 * 100 tokens/s, in process on a fake terminal (no terminal emulator cost).
 */
export const tuiFigures: BenchSuite = {
  name: 'tui',
  async measure({ full }) {
    const firstFrames = await firstFrameRatio(full ? 15 : 5);
    const frame20k = await frameMs(20_000, full ? 400 : 100);
    const frame2k = await frameMs(2_000, full ? 400 : 100);
    const cpu = await streamCpuPct(full ? 10_000 : 3_000);
    return {
      tuiFirstFrameRatio: { value: firstFrames.ratio, n: firstFrames.n, unit: 'ratio', goal: '<= 1.5' },
      tuiFirstFrameMs: { median: firstFrames.oursMs, n: firstFrames.n, unit: 'ms' },
      tuiFrameMs20k: { ...pick(frame20k), unit: 'ms', goal: '<= 2, flat as it grows' },
      tuiFrameMs2k: { ...pick(frame2k), unit: 'ms' },
      tuiStreamCpuPct: { value: round(cpu, 1), unit: 'pct', goal: '<= 25' },
    };
  },
};

const pick = (figure: ReturnType<typeof summarise>) => ({ median: figure.median, p99: figure.p99, n: figure.n });
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

async function firstFrameRatio(runs: number): Promise<{ ratio: number; oursMs: number; n: number }> {
  const root = packageRoot();
  const hello = "import {render, Text} from 'ink'; import React from 'react'; render(React.createElement(Text, null, 'hello ink'));";
  const ollama = await startScriptedOllama({ respond: () => ({ text: 'ok' }) });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-bench-tui-'));
  try {
    const bare: number[] = [];
    const ours: number[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(await timeToText([process.execPath, '--input-type=module', '-e', hello], 'hello ink', root, {}));
      ours.push(await timeToText([process.execPath, path.join(root, 'dist/bin/proxmox-ai.js'), '--demo'], 'proxmox-ai', root, { OLLAMA_HOST: ollama.url, PROXMOX_AI_HOME: home }));
    }
    return { ratio: round(medianOf(ours) / medianOf(bare), 2), oursMs: round(medianOf(ours), 1), n: runs };
  } finally {
    await ollama.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** Milliseconds from spawning `argv` in an 80x24 pseudo-terminal to `text` appearing on it. */
function timeToText(argv: string[], text: string, cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const command = `stty cols 80 rows 24; exec ${argv.map(quote).join(' ')}`;
    const started = performance.now();
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, detached: true, stdio: ['pipe', 'pipe', 'ignore'], env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', TERM: 'xterm-256color', ...env } });
    let seen = '';
    const timer = setTimeout(() => finish(new Error(`no "${text}" within 20 s`)), 20_000);
    const finish = (outcome: number | Error) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      if (typeof outcome === 'number') resolve(outcome);
      else reject(outcome);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (seen.includes(text)) finish(performance.now() - started);
    });
    child.on('error', (error) => finish(error));
  });
}

interface Session {
  backend: FakeBackend;
  stdin: FakeTtyIn;
  stdout: FakeTtyOut;
  done: Promise<number>;
}

async function openSession(): Promise<Session> {
  const backend = new FakeBackend();
  const stdin = new FakeTtyIn();
  const stdout = new FakeTtyOut();
  stdout.write = () => true;
  const done = runTui(backend, { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream, color: true, ascii: false });
  await ticks();
  stdin.press('bench\r');
  await backend.runsStarted(1);
  return { backend, stdin, stdout, done };
}

async function closeSession({ stdin, done }: Session): Promise<void> {
  stdin.press('\u0003');
  stdin.press('\u0003');
  await done;
}

const ticks = async (count = 5) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** Frames of PgUp and PgDn over a transcript of `rows` rows made of answers and tool cards. */
async function frameMs(rows: number, frames: number): Promise<ReturnType<typeof summarise>> {
  const session = await openSession();
  const turn = session.backend.turns[0]!;
  for (let i = 0; i < rows / 10; i++) {
    turn.emit({ type: 'text', delta: `Guest ${i} looks fine.\nIts last task ended OK.\nNothing else to report.\nCPU is low.\nMemory is low.\nDisk is fine.\n` });
    turn.emit({ type: 'tool-requested', id: `c${i}`, tool: 'vm_status', args: { vmid: 100 + i } });
    turn.emit({ type: 'tool-result', id: `c${i}`, outcome: { tool: 'vm_status', status: 'ok', summary: `VM ${100 + i} is running`, text: '', callSeq: i } });
    turn.emit({ type: 'notice', message: `checked ${i}` });
  }
  await ticks();
  const samples: number[] = [];
  for (let i = 0; i < frames; i++) {
    const started = performance.now();
    session.stdin.press(i % 2 === 0 ? '\u001b[5~' : '\u001b[6~');
    await ticks(1);
    samples.push(performance.now() - started);
  }
  await closeSession(session);
  return summarise(samples, 'ms');
}

/** Percent of one core used while a turn streams 100 tokens a second for `ms`. */
async function streamCpuPct(ms: number): Promise<number> {
  const session = await openSession();
  const turn = session.backend.turns[0]!;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let token = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      turn.emit({ type: 'text', delta: token % 12 === 11 ? 'word\n' : `word${token} ` });
      if (++token >= ms / 10) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  const cpu = process.cpuUsage(cpuBefore);
  const wall = performance.now() - started;
  await closeSession(session);
  return ((cpu.user + cpu.system) / 1000 / wall) * 100;
}
