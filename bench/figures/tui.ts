import type { TurnResult } from '../../src/core/agent/agent-session.js';
import { runTui } from '../../src/ui/run-tui.js';
import { FakeBackend, outcome, turnResult } from '../../harness/fake-tui-backend.js';
import { FakeTtyIn, FakeTtyOut } from '../../harness/fake-tty.js';
import { round, summarise, type BenchSuite, type Figure } from '../figure.js';
import { firstFrames } from './tui-first-frame.js';

/**
 * tuiFirstFrameRatio: first frame of `proxmox-ai --demo` over that of a bare
 * Ink "hello" app (pseudo-terminals, see tui-first-frame.ts).
 * tuiFrameMs20k / tuiFrameMs2k: CPU time of one frame (a PgUp/PgDn keypress
 * through React and Ink to the frame) over a transcript of 20,000 / 2,000
 * rows; tuiInkFrameMs: the same for a bare Ink screen of 24 rows of 80
 * characters, the floor any Ink frame pays on this machine.
 * tuiStreamCpuPct: CPU of the process while a turn streams 100 tokens a
 * second of markdown (headings, emphasis, code, tables) into the TUI on a
 * fake terminal (no terminal emulator cost). The transcript of the frame
 * figures holds markdown answers (a heading, emphasis, a table) too.
 * tuiLiveFrameMs: CPU time of one frame of the live view (/top) at 80x24
 * over 500 guests and 3 nodes: an arrow key through filter, sort, layout,
 * React and Ink to the frame.
 */
export const tuiFigures: BenchSuite = {
  name: 'tui',
  async measure({ full }) {
    const first = await firstFrames(full ? 15 : 4);
    const frames = full ? 400 : 100;
    const frame20k = await frameCpuMs(20_000, frames);
    const frame2k = await frameCpuMs(2_000, frames);
    const inkFloor = await bareInkFrameCpuMs(frames);
    const cpu = await streamCpuPct(full ? 10_000 : 3_000);
    const live = await liveFrameCpuMs(frames);
    const frame = (figure: Figure, goal?: string): Figure => ({
      median: figure.median,
      p99: figure.p99,
      n: figure.n,
      unit: 'ms',
      ...(goal ? { goal } : {}),
    });
    return {
      tuiFirstFrameRatio: { value: first.ratio, n: full ? 15 : 4, unit: 'ratio', goal: '<= 1.5' },
      tuiFirstFrameMs: { value: first.oursMs, unit: 'ms' },
      tuiBareInkFirstFrameMs: { value: first.bareMs, unit: 'ms' },
      tuiFrameMs20k: frame(frame20k, '<= 2, flat as it grows'),
      tuiFrameMs2k: frame(frame2k),
      tuiInkFrameMs: frame(inkFloor),
      tuiStreamCpuPct: { value: round(cpu, 1), unit: 'pct', goal: '<= 25' },
      tuiLiveFrameMs: frame(live, '<= 2'),
    };
  },
};

interface Session {
  backend: FakeBackend;
  stdin: FakeTtyIn;
  done: Promise<number>;
  /** Ends the running turn. */
  finishTurn(result: TurnResult): void;
  emit: FakeBackend['turns'][number]['emit'];
}

const ticks = async (count: number) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
};
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** runTui on a fake 80x24 terminal with a fake backend, one question asked and its turn running. */
async function openSession(): Promise<Session> {
  const backend = new FakeBackend();
  const stdin = new FakeTtyIn();
  const stdout = new FakeTtyOut();
  stdout.write = () => true;
  const done = runTui(backend, {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    color: true,
    ascii: false,
  });
  await backend.mounted();
  stdin.press('bench\r');
  await backend.runsStarted(1);
  const turn = backend.turns[0]!;
  return { backend, stdin, done, finishTurn: (result) => turn.finish(result), emit: (event) => turn.emit(event) };
}

async function closeSession({ stdin, done }: Session): Promise<void> {
  stdin.press('\u0003');
  stdin.press('\u0003');
  await done;
}

/** CPU per PgUp/PgDn frame over `rows` rows of answers, tool cards and notices (ten rows a round). */
async function frameCpuMs(rows: number, frames: number): Promise<Figure> {
  const session = await openSession();
  for (let i = 0; i < rows / 10; i++) {
    session.emit({
      type: 'text',
      delta: `## Guest ${i}\n\nIt looks **fine**: the last task ended \`OK\`.\n\n| CPU | Memory |\n|---|---|\n| low | low |\n\n`,
    });
    session.emit({ type: 'tool-requested', id: `c${i}`, tool: 'vm_status', args: { vmid: 100 + i } });
    session.emit({
      type: 'tool-result',
      id: `c${i}`,
      outcome: { tool: 'vm_status', status: 'ok', summary: `VM ${100 + i} is running`, text: '', callSeq: i },
    });
    session.emit({ type: 'notice', message: `checked ${i}` });
  }
  session.finishTurn(turnResult('answered'));
  await ticks(10);
  const samples: number[] = [];
  for (let i = 0; i < frames; i++) {
    const before = process.cpuUsage();
    session.stdin.press(i % 2 === 0 ? '\u001b[5~' : '\u001b[6~');
    await ticks(3);
    samples.push(cpuMs(before));
  }
  await closeSession(session);
  return summarise(samples, 'ms');
}

/** CPU per frame of a bare Ink app redrawing 24 rows of 80 characters. */
async function bareInkFrameCpuMs(frames: number): Promise<Figure> {
  // Loaded only now, after runTui chose React's production build, as the TUI runs.
  const { createElement } = await import('react');
  const { render, Box, Text } = await import('ink');
  const stdout = new FakeTtyOut({ isTTY: false });
  stdout.write = () => true;
  const screen = (frame: number) =>
    createElement(
      Box,
      { flexDirection: 'column', width: 80, height: 24 },
      ...Array.from({ length: 24 }, (_, row) =>
        createElement(Text, { key: row }, `frame ${frame} row ${row} `.repeat(6).slice(0, 80)),
      ),
    );
  const instance = render(screen(0), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    debug: true,
    patchConsole: false,
  });
  const samples: number[] = [];
  for (let i = 1; i <= frames; i++) {
    const before = process.cpuUsage();
    instance.rerender(screen(i));
    samples.push(cpuMs(before));
  }
  instance.unmount();
  return summarise(samples, 'ms');
}

/** Markdown as a model writes it: paragraphs with emphasis and code, and now and then a table row by row. */
function streamedMarkdown(token: number): string {
  const cycle = token % 40;
  if (cycle === 0) return '\n\n## Guest check\n\n';
  if (cycle === 20) return '\n\n| Guest | Status |\n|---|---|\n';
  if (cycle > 20 && cycle < 25) return `| web-${token} | **running** |\n`;
  if (cycle === 25) return '\n';
  return cycle % 7 === 0 ? `\`qm status ${token}\` ` : `word${token} **ok** `;
}

/** Percent of one core used while the running turn streams 100 tokens a second for `ms`. */
async function streamCpuPct(ms: number): Promise<number> {
  const session = await openSession();
  const before = process.cpuUsage();
  const started = performance.now();
  let token = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      session.emit({ type: 'text', delta: streamedMarkdown(token) });
      if (++token >= ms / 10) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  const pct = (cpuMs(before) / (performance.now() - started)) * 100;
  await closeSession(session);
  return pct;
}

/** The read tools' structured results for the live view: `count` guests on three nodes. */
function liveOutcomes(count: number) {
  const guests = Array.from({ length: count }, (_, i) => ({
    vmid: 100 + i,
    name: `guest-${i}`,
    type: i % 5 === 0 ? 'lxc' : 'qemu',
    node: `pve${(i % 3) + 1}`,
    status: i % 7 === 0 ? 'stopped' : i % 23 === 0 ? 'paused' : 'running',
    ...(i % 23 === 0 ? { pausedBy: 'io-error' } : {}),
    cpu: (i % 10) / 10,
    mem: 2 ** 30,
    maxmem: 4 * 2 ** 30,
    tags: i % 4 === 0 ? ['prod'] : [],
  }));
  const nodes = [1, 2, 3].map((n) => ({
    node: `pve${n}`,
    status: 'online',
    cpu: 0.2,
    load1: 1.5,
    mem: 2 ** 34,
    maxmem: 2 ** 36,
  }));
  return {
    vms: { ...outcome('list_vms', 'ok', `${count} guests`), structured: { total: count, offset: 0, guests } },
    nodes: { ...outcome('list_nodes', 'ok', '3 nodes'), structured: { quorate: true, nodes } },
  };
}

/** CPU per arrow-key frame of the live view over 500 guests at 80x24. */
async function liveFrameCpuMs(frames: number): Promise<Figure> {
  const backend = new FakeBackend();
  const stdin = new FakeTtyIn();
  const stdout = new FakeTtyOut();
  stdout.write = () => true;
  const done = runTui(backend, {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    color: true,
    ascii: false,
  });
  await backend.mounted();
  stdin.press('\u0014');
  await backend.runsStarted(2);
  const { vms, nodes } = liveOutcomes(500);
  for (const call of backend.toolCalls) call.finish(call.input === 'list_vms' ? vms : nodes);
  await ticks(10);
  const samples: number[] = [];
  for (let i = 0; i < frames; i++) {
    const before = process.cpuUsage();
    stdin.press(Math.floor(i / 50) % 2 === 0 ? '\u001b[B' : '\u001b[A');
    await ticks(3);
    samples.push(cpuMs(before));
  }
  stdin.press('\u0003');
  stdin.press('\u0003');
  await done;
  return summarise(samples, 'ms');
}
