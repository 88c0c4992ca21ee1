import { spawn } from 'node:child_process';
import type { ProgramOutcome, ProgramRunOptions } from '../../core/ports/iac.js';

/** Output kept per stream; older text is dropped first, so the end (the recap, the error) survives. */
const keptChars = 2_000_000;
/** How long a program gets after SIGTERM before its group is killed. */
const graceMs = 3_000;

/**
 * Runs a program with an argument array: no shell ever parses anything. It
 * leads its own process group so an abort stops it and everything it started
 * (ansible's ssh children, terraform's providers).
 */
export function runProgram(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: ProgramRunOptions,
): Promise<ProgramOutcome> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      reject(new Error(`${file} was not started: the call was cancelled`));
      return;
    }
    // Safety: shell false and an argument array; detached makes the child a group leader we can kill as a whole.
    const child = spawn(file, [...args], {
      cwd: options.cwd,
      env,
      shell: false,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout = collector(options.onLine);
    const stderr = collector(options.onLine);
    child.stdout.on('data', (chunk: Buffer) => stdout.add(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.add(chunk));
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? '');

    let killTimer: NodeJS.Timeout | undefined;
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    const onAbort = () => {
      killGroup('SIGTERM');
      killTimer = setTimeout(() => killGroup('SIGKILL'), graceMs);
      killTimer.unref();
    };
    options.signal.addEventListener('abort', onAbort, { once: true });

    child.on('error', (error) => {
      options.signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      options.signal.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
      // Whatever the leader left behind in its group goes with it.
      if (options.signal.aborted) killGroup('SIGKILL');
      resolve({ exitCode, signal, stdout: stdout.finish(), stderr: stderr.finish() });
    });
  });
}

/** Gathers a stream's text and hands out complete lines as they arrive. */
function collector(onLine: ((line: string) => void) | undefined) {
  let text = '';
  let partial = '';
  return {
    add(chunk: Buffer) {
      const piece = chunk.toString('utf8');
      text = (text + piece).slice(-keptChars);
      if (!onLine) return;
      const lines = (partial + piece).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line.replace(/\r$/, ''));
    },
    finish(): string {
      if (onLine && partial) onLine(partial);
      partial = '';
      return text;
    },
  };
}
