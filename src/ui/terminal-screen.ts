/** Control sequences for taking over the terminal and giving it back. */
const enterSequence = '\u001b[?1049h\u001b[?2004h\u001b[?25l\u001b[H\u001b[2J';
const leaveSequence = '\u001b[?2004l\u001b[?25h\u001b[?1049l';

export interface FullScreen {
  /** Leaves the alternate screen; safe to call more than once and from an exit handler. */
  restore(): void;
}

/**
 * Switches to the alternate screen with bracketed paste, and makes sure the
 * terminal is given back however the process ends: a quit, a crash, a signal.
 * Writes to a terminal are synchronous in Node, so the 'exit' handler works.
 */
export function enterFullScreen(
  stdout: NodeJS.WriteStream,
  processLike: Pick<NodeJS.Process, 'on' | 'off'> = process,
): FullScreen {
  let active = true;
  const restore = () => {
    if (!active) return;
    active = false;
    processLike.off('exit', restore);
    try {
      stdout.write(leaveSequence);
    } catch {
      // The terminal is gone (SIGHUP after the SSH link dropped): nothing left to restore.
    }
  };
  stdout.write(enterSequence);
  processLike.on('exit', restore);
  return { restore };
}
