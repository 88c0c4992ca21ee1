import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../src/config/package-info.js';
import { startScriptedOllama } from '../../harness/scripted-ollama.js';
import { round } from '../figure.js';

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
const hello =
  "import {render, Text} from 'ink'; import React from 'react'; render(React.createElement(Text, null, 'hello ink'));";

/**
 * Time to the first frame of `proxmox-ai --demo` (scripted Ollama, embedded
 * simulator, fresh home) and of a bare Ink "hello" app, each in an 80x24
 * pseudo-terminal from `script`, sampled alternately in one run.
 */
export async function firstFrames(runs: number): Promise<{ ratio: number; oursMs: number; bareMs: number }> {
  const root = packageRoot();
  const ollama = await startScriptedOllama({ respond: () => ({ text: 'ok' }) });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-bench-tui-'));
  try {
    const bare: number[] = [];
    const ours: number[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(await timeToText([process.execPath, '--input-type=module', '-e', hello], 'hello ink', root, {}));
      ours.push(
        await timeToText([process.execPath, path.join(root, 'dist/bin/proxmox-ai.js'), '--demo'], 'proxmox-ai', root, {
          OLLAMA_HOST: ollama.url,
          PROXMOX_AI_HOME: home,
        }),
      );
    }
    return {
      ratio: round(medianOf(ours) / medianOf(bare), 2),
      oursMs: round(medianOf(ours), 1),
      bareMs: round(medianOf(bare), 1),
    };
  } finally {
    await ollama.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** Milliseconds from spawning `argv` in an 80x24 pseudo-terminal to `text` appearing on it; then the process group is killed. */
function timeToText(argv: string[], text: string, cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    // `script` runs its command through a shell; every word is quoted.
    const command = `stty cols 80 rows 24; exec ${argv.map(quote).join(' ')}`;
    const started = performance.now();
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd,
      detached: true,
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', TERM: 'xterm-256color', ...env },
    });
    let seen = '';
    const finish = (outcome: number | Error) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // The group has already exited.
      }
      if (typeof outcome === 'number') resolve(outcome);
      else reject(outcome);
    };
    const timer = setTimeout(() => finish(new Error(`"${text}" did not appear within 30 s`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (seen.includes(text)) finish(performance.now() - started);
    });
    child.on('error', (error) => finish(error));
  });
}
