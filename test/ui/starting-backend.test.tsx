import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors.js';
import { runTui } from '../../src/ui/run-tui.js';
import type { TuiBackend } from '../../src/ui/backend.js';
import { StartingBackend } from '../../src/ui/starting-backend.js';
import { FakeBackend, turnResult } from '../../harness/fake-tui-backend.js';
import { FakeTtyIn, FakeTtyOut } from '../../harness/fake-tty.js';
import { keys, settle } from './support/render-app.js';

const leave = '\u001b[?1049l';

/** runTui over a session that opens only when the test says so. */
function start() {
  let open: (backend: TuiBackend) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const opening = new Promise<TuiBackend>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  const stdin = new FakeTtyIn();
  const stdout = new FakeTtyOut();
  const done = runTui(new StartingBackend(opening, 'demo'), {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    color: false,
    ascii: false,
  });
  /** Waits (up to 10 s: frames are painted on a timer) until the terminal shows what `seen` looks for. */
  const until = async (seen: () => boolean) => {
    for (let i = 0; i < 1000 && !seen(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen(), stdout.output.slice(-1500)).toBe(true);
  };
  const press = async (...chunks: string[]) => {
    for (const chunk of chunks) {
      stdin.press(chunk);
      await settle();
    }
  };
  return { stdout, done, open, fail, until, press };
}

describe('the first frame before the session has opened', () => {
  it('draws at once, holds a question until the session is there, then fills in the header and asks', async () => {
    const { stdout, done, open, until, press } = start();
    await until(() => stdout.output.includes('proxmox-ai · demo · connecting...'));
    await press('why did 103 fail?', keys.enter);
    const backend = new FakeBackend();
    backend.history = ['/vms'];
    expect(backend.turns).toHaveLength(0);
    open(backend);
    await backend.runsStarted(1);
    expect(backend.turns[0]!.input).toBe('why did 103 fail?');
    await until(() => stdout.output.includes('demo/homelab · 2 nodes · qwen3:8b'));
    expect(backend.approver).not.toBeNull();
    // The line typed while connecting is remembered once the session is there; Up reaches the earlier session's.
    expect(backend.history).toEqual(['/vms', 'why did 103 fail?']);
    backend.turns[0]!.finish(turnResult('answered'));
    await press(keys.up, keys.up);
    await until(() => stdout.output.includes('› /vms'));
    await press(keys.ctrlC, keys.ctrlC);
    expect(await done).toBe(0);
    expect(backend.closed).toBe(true);
  });

  it('never shows an empty policy while it is not loaded', async () => {
    const { stdout, done, open, until, press } = start();
    await until(() => stdout.output.includes('connecting...'));
    await press('/policy', keys.enter);
    await until(() => stdout.output.includes('still connecting to the cluster'));
    open(new FakeBackend());
    await press('/quit', keys.enter);
    expect(await done).toBe(0);
  });

  it('ends with the error of a session that fails to open, the terminal given back', async () => {
    const { stdout, done, fail, until } = start();
    await until(() => stdout.output.includes('connecting...'));
    fail(new AppError('proxmox.auth', 'authentication failed: check the token of profile demo', 4));
    await expect(done).rejects.toThrow('authentication failed: check the token of profile demo');
    expect(stdout.output.endsWith(leave)).toBe(true);
  });
});
