import { afterEach, describe, expect, it, vi } from 'vitest';
import { runTui } from '../../src/ui/run-tui.js';
import { FakeBackend } from '../../harness/fake-tui-backend.js';
import { FakeTtyIn, FakeTtyOut } from '../../harness/fake-tty.js';
import { keys, settle } from './support/render-app.js';

const enter = '\u001b[?1049h';
const leave = '\u001b[?1049l';
const pasteOn = '\u001b[?2004h';
const pasteOff = '\u001b[?2004l';

function start(options: { isTTY?: boolean } = {}) {
  const backend = new FakeBackend();
  const stdin = new FakeTtyIn();
  const stdout = new FakeTtyOut(options);
  const exits: number[] = [];
  const done = runTui(backend, {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    color: false,
    ascii: false,
    onExit: (code) => exits.push(code),
  });
  /** Until the UI is mounted and its first frame painted (runTui loads Ink first). */
  const ready = async () => {
    await backend.mounted();
    await settle();
  };
  const press = async (...chunks: string[]) => {
    for (const chunk of chunks) {
      stdin.press(chunk);
      await settle();
    }
  };
  return { backend, stdin, stdout, exits, done, press, ready };
}

describe('runTui', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('enters the alternate screen with bracketed paste and paints the header', async () => {
    const { stdout, press, done, ready } = start();
    await ready();
    expect(stdout.output.startsWith(enter + pasteOn)).toBe(true);
    expect(stdout.output).toContain('proxmox-ai · demo/homelab');
    await press('/quit', keys.enter);
    await done;
  });

  it('resolves 0 on /quit, gives the terminal back, closes the backend and removes the approver', async () => {
    const { backend, stdin, stdout, exits, press, done, ready } = start();
    await ready();
    expect(backend.approver).not.toBeNull();
    await press('/quit', keys.enter);
    expect(await done).toBe(0);
    expect(exits).toEqual([0]);
    expect(stdout.output.endsWith(pasteOff + '\u001b[?25h' + leave)).toBe(true);
    expect(backend.closed).toBe(true);
    expect(backend.approver).toBeNull();
    expect(stdin.raw).toBe(false);
  });

  it('quits on Ctrl-C twice, aborting the running turn before the backend closes', async () => {
    const { backend, stdout, press, done, ready } = start();
    await ready();
    await press('status?', keys.enter);
    await press(keys.ctrlC, keys.ctrlC);
    expect(await done).toBe(0);
    expect(backend.turns[0]!.signal.aborted).toBe(true);
    expect(stdout.output.endsWith(leave)).toBe(true);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('resolves %s with %i and gives the terminal back', async (signal, code) => {
    const { stdout, done, backend, ready } = start();
    await ready();
    process.emit(signal, signal);
    expect(await done).toBe(code);
    expect(stdout.output.endsWith(leave)).toBe(true);
    expect(backend.closed).toBe(true);
    expect(process.listeners(signal)).toHaveLength(0);
  });

  it('repaints the whole screen at the new size after a resize', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const { stdout, press, done, ready } = start();
    await ready();
    stdout.output = '';
    stdout.resize(60, 20);
    await settle();
    vi.advanceTimersByTime(100);
    expect(stdout.output).toContain('\u001b[H\u001b[2J');
    expect(stdout.output).toContain('\u001b[20;1H');
    expect(stdout.output).not.toContain('\u001b[21;1H');
    await press('/quit', keys.enter);
    await done;
  });

  it('writes only the last frame, and no screen switching, when stdout is not a terminal', async () => {
    const { stdout, press, done, ready } = start({ isTTY: false });
    await ready();
    expect(stdout.output).toBe('');
    await press('/help', keys.enter);
    // Let the help render before quitting: the last frame is what a non-terminal gets.
    await settle();
    await press('/quit', keys.enter);
    expect(await done).toBe(0);
    expect(stdout.output).not.toContain(enter);
    expect(stdout.output).toContain('/snapshot VMID NAME');
  });
});
