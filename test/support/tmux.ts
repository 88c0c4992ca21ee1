import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { binary } from './cli.js';

const run = promisify(execFile);
let panes = 0;

/** The tmux version, or null when tmux is not installed (the tests then skip loudly, or fail in CI). */
export const tmuxVersion = (() => {
  try {
    return execFileSync('tmux', ['-V'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
})();

export interface PaneOptions {
  env: NodeJS.ProcessEnv;
  /** proxmox-ai's arguments. */
  args: string[];
  columns?: number;
  rows?: number;
}

/** One tmux server of its own, one pane running proxmox-ai (the built binary) at a size. */
export class TmuxPane {
  private readonly socket = `proxmox-ai-e2e-${process.pid}-${++panes}`;
  private socketPath: string | null = null;

  constructor(private readonly options: PaneOptions) {}

  tmux(...args: string[]): Promise<string> {
    return run('tmux', ['-L', this.socket, ...args], { env: this.options.env }).then((result) => result.stdout);
  }

  /**
   * The pane runs sh, which runs proxmox-ai (argv, no quoting) and then prints its exit status on the
   * normal screen: tmux here does not always reap a dead pane's process, so #{pane_dead_status} can stay empty.
   */
  async start(): Promise<void> {
    const script = '"$@"; echo "proxmox-ai exited with $?"; exec sleep 600';
    const size = [String(this.options.columns ?? 80), String(this.options.rows ?? 24)];
    await this.tmux(
      '-u',
      'new-session',
      '-d',
      '-s',
      'tui',
      '-x',
      size[0]!,
      '-y',
      size[1]!,
      'sh',
      '-c',
      script,
      'sh',
      process.execPath,
      binary,
      ...this.options.args,
    );
    this.socketPath = await this.info('#{socket_path}');
  }

  screen(): Promise<string> {
    return this.tmux('capture-pane', '-p', '-t', 'tui');
  }

  /** Polls the pane until `predicate` holds, failing with the last screen after `timeoutMs`. */
  async waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = await this.screen();
      if (predicate(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}; the screen was:\n${screen}`);
  }

  waitForText(text: string, timeoutMs?: number): Promise<string> {
    return this.waitFor((screen) => screen.includes(text), JSON.stringify(text), timeoutMs);
  }

  keys(...keys: string[]): Promise<string> {
    return this.tmux('send-keys', '-t', 'tui', ...keys);
  }

  /** Sends the bytes of `text` in one send-keys: they reach the program in one read, as over a slow SSH link. */
  chunk(text: string): Promise<string> {
    return this.tmux('send-keys', '-t', 'tui', '-l', text);
  }

  /** Types text literally, then presses Enter. */
  async line(text: string): Promise<void> {
    await this.tmux('send-keys', '-t', 'tui', '-l', text);
    await this.keys('Enter');
  }

  info(format: string): Promise<string> {
    return this.tmux('display-message', '-p', '-t', 'tui', format).then((out) => out.trim());
  }

  async stop(): Promise<void> {
    await this.tmux('kill-server').catch(() => undefined);
    if (this.socketPath) fs.rmSync(this.socketPath, { force: true });
  }
}
