import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { enterFullScreen } from '../../src/ui/terminal-screen.js';

function terminal() {
  const written: string[] = [];
  const events = new EventEmitter();
  const screen = enterFullScreen(
    { write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream,
    events as unknown as NodeJS.Process,
  );
  return { written, events, screen };
}

describe('enterFullScreen', () => {
  it('switches to the alternate screen with bracketed paste and the cursor hidden', () => {
    expect(terminal().written).toEqual(['\u001b[?1049h\u001b[?2004h\u001b[?25l\u001b[H\u001b[2J']);
  });

  it('gives the terminal back once, however often restore is called', () => {
    const { written, screen } = terminal();
    screen.restore();
    screen.restore();
    expect(written.slice(1)).toEqual(['\u001b[?2004l\u001b[?25h\u001b[?1049l']);
  });

  it('gives the terminal back when the process exits without a restore', () => {
    const { written, events } = terminal();
    events.emit('exit', 1);
    expect(written.slice(1)).toEqual(['\u001b[?2004l\u001b[?25h\u001b[?1049l']);
    expect(events.listenerCount('exit')).toBe(0);
  });

  it('does not throw when the terminal is gone', () => {
    const events = new EventEmitter();
    let calls = 0;
    const screen = enterFullScreen(
      {
        write: () => {
          if (calls++ > 0) throw new Error('EIO');
          return true;
        },
      } as unknown as NodeJS.WriteStream,
      events as unknown as NodeJS.Process,
    );
    expect(() => screen.restore()).not.toThrow();
  });
});
