import { describe, expect, it } from 'vitest';
import { ScreenWriter, type Scheduler } from '../../src/ui/screen-writer.js';

function setup() {
  const writes: string[] = [];
  const clock = { ms: 0 };
  const timers: Array<{ run: () => void; at: number }> = [];
  const schedule: Scheduler = (run, ms) => {
    const timer = { run, at: clock.ms + ms };
    timers.push(timer);
    return () => timers.splice(timers.indexOf(timer), 1);
  };
  const writer = new ScreenWriter(
    { write: (text: string) => writes.push(text) },
    { maxFps: 10, now: () => clock.ms, schedule },
  );
  const advance = (ms: number) => {
    clock.ms += ms;
    for (const timer of timers.filter((t) => t.at <= clock.ms)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
  };
  return { writer, writes, advance };
}

const row = (n: number, text: string) => `\u001b[${n};1H\u001b[2K${text}`;
const frame = (body: string) => `\u001b[?2026h${body}\u001b[?2026l`;

describe('ScreenWriter', () => {
  it('paints every row of the first frame at its absolute position', () => {
    const { writer, writes } = setup();
    writer.paint('a\nb');
    expect(writes).toEqual([frame(row(1, 'a') + row(2, 'b'))]);
  });

  it('rewrites only the rows that changed', () => {
    const { writer, writes, advance } = setup();
    writer.paint('a\nb\nc');
    advance(100);
    writer.paint('a\nB\nc');
    expect(writes[1]).toBe(frame(row(2, 'B')));
  });

  it('clears rows the new frame no longer has', () => {
    const { writer, writes, advance } = setup();
    writer.paint('a\nb');
    advance(100);
    writer.paint('a');
    expect(writes[1]).toBe(frame(row(2, '')));
  });

  it('paints at most maxFps frames a second, the newest frame winning', () => {
    const { writer, writes, advance } = setup();
    writer.paint('1');
    writer.paint('2');
    writer.paint('3');
    expect(writes).toHaveLength(1);
    advance(100);
    expect(writes).toEqual([frame(row(1, '1')), frame(row(1, '3'))]);
  });

  it('writes nothing for a frame identical to the screen', () => {
    const { writer, writes, advance } = setup();
    writer.paint('same');
    advance(100);
    writer.paint('same');
    expect(writes).toHaveLength(1);
  });

  it('clears the screen and repaints every row after invalidate', () => {
    const { writer, writes, advance } = setup();
    writer.paint('a\nb');
    advance(100);
    writer.invalidate();
    expect(writes[1]).toBe(frame('\u001b[H\u001b[2J' + row(1, 'a') + row(2, 'b')));
  });

  it('paints nothing once stopped', () => {
    const { writer, writes, advance } = setup();
    writer.paint('a');
    writer.paint('b');
    writer.stop();
    advance(1000);
    expect(writes).toHaveLength(1);
  });
});
