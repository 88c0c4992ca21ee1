import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { defaultLockStaleMs } from '../lock.js';
import { forwardStateFile, readForwardState, writeForwardState, type ForwardState } from './forward-state.js';
import type { AuditReceiver, ReceiverLink } from './receiver.js';
import { locate, TrailCursor, trailStart, type TrailPosition } from './trail-cursor.js';

/** Held by the one process that forwards; the others wait for it, so one sends at a time. */
export const forwardLockName = 'FORWARD.LOCK';

export interface ForwarderOptions {
  /** The audit directory. */
  dir: string;
  receiver: AuditReceiver;
  now?: () => Date;
  /**
   * TCP syslog has no acknowledgement: a record counts as delivered once its
   * bytes were handed to the connection and it then stayed up this long
   * (default 1500 ms). A break within that time sends it again.
   */
  settleMs?: number;
  /** Reconnect delays: doubling from `first` up to `max` (default 250 ms to 3 s). */
  retryMs?: { first: number; max: number };
  /** How often to look for records of other processes and for the lock (default 1000 ms). */
  pollMs?: number;
  /** Told what happens, for `audit forward` in the foreground. */
  report?: (event: ForwarderEvent) => void;
}

export type ForwarderEvent =
  | { kind: 'waiting'; reason: string }
  | { kind: 'connected'; receiver: string; fromSeq: number }
  | { kind: 'unreachable'; receiver: string; reason: string; retryInMs: number }
  | { kind: 'delivered'; seq: number };

export interface Forwarder {
  /** New records were appended: look soon. Never waits, never throws. */
  nudge(): void;
  /** Sends what is left (for at most `graceMs`), closes the connection cleanly, saves the position and lets go of the lock. */
  stop(graceMs: number): Promise<void>;
}

interface InFlight {
  after: TrailPosition;
  writtenAt: number;
}

/**
 * The forwarder of one process: while it holds the forwarding lock, it
 * follows the trail and sends every record, as written, from the last
 * delivered one; without the lock it waits. It runs beside the calls, never
 * inside one: appends only nudge it, and its errors only reach the state
 * file and `report`.
 */
export function startForwarder(options: ForwarderOptions): Forwarder {
  const { dir, receiver } = options;
  const now = options.now ?? (() => new Date());
  const settleMs = options.settleMs ?? 1_500;
  const retry = options.retryMs ?? { first: 250, max: 3_000 };
  const pollMs = options.pollMs ?? 1_000;
  const report = options.report ?? (() => undefined);

  let stopping: { deadline: number } | null = null;
  let wake: (() => void) | null = null;
  let lastReported = 0;
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  const alarm = () => wake?.();

  const holdLock = async (): Promise<{ release: () => Promise<void>; lost: () => boolean } | null> => {
    let lost = false;
    for (;;) {
      if (stopping) return null;
      try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        // Keyed by the state file: proper-lockfile keeps one lock per path in a process, and appends lock `dir`.
        const release = await lockfile.lock(path.join(dir, forwardStateFile), {
          lockfilePath: path.join(dir, forwardLockName),
          realpath: false,
          stale: defaultLockStaleMs,
          onCompromised: () => {
            lost = true;
            alarm();
          },
        });
        return { release: () => release().catch(() => undefined), lost: () => lost };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        report({
          kind: 'waiting',
          reason:
            code === 'ELOCKED'
              ? 'another process forwards the trail'
              : `cannot take ${forwardLockName}: ${(error as Error).message}`,
        });
        await nap(pollMs);
      }
    }
  };

  const run = async () => {
    while (!stopping) {
      const lock = await holdLock();
      if (!lock) return;
      try {
        await forwardWhileHolding(lock.lost);
      } finally {
        await lock.release();
      }
    }
  };

  const forwardWhileHolding = async (lockLost: () => boolean) => {
    const saved = readForwardState(dir);
    let delivered = saved && saved.receiver === receiver.address ? await locate(dir, saved.delivered) : trailStart;
    let state: ForwardState = {
      receiver: receiver.address,
      delivered,
      updatedAt: now().toISOString(),
      sender: { pid: process.pid, host: os.hostname(), since: now().toISOString() },
      lastError: saved?.receiver === receiver.address ? saved.lastError : null,
    };
    let savedAt = 0;
    let saveLater: NodeJS.Timeout | undefined;
    const save = (changes: Partial<ForwardState>) => {
      clearTimeout(saveLater);
      saveLater = undefined;
      state = { ...state, delivered, ...changes, updatedAt: now().toISOString() };
      savedAt = Date.now();
      try {
        writeForwardState(dir, state);
      } catch {
        // The position is only an optimisation for the next start; a stale one sends records again.
      }
    };
    save({});
    const cursor = new TrailCursor(dir, delivered, now);
    const watcher = watchTrail(dir, alarm);
    let delay = retry.first;
    try {
      while (!lockLost() && !(stopping && stopping.deadline <= Date.now())) {
        let link: ReceiverLink;
        try {
          link = await receiver.connect();
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          save({ lastError: { message: reason, at: now().toISOString() } });
          if (stopping) return;
          report({ kind: 'unreachable', receiver: receiver.address, reason, retryInMs: delay });
          await nap(delay);
          delay = Math.min(retry.max, delay * 2);
          continue;
        }
        delay = retry.first;
        save({ lastError: null });
        report({ kind: 'connected', receiver: receiver.address, fromSeq: delivered.seq + 1 });
        const broke = await pump(
          link,
          cursor,
          (position) => {
            delivered = position;
            // At most once a second while sending (the last position follows within the second); stops and breaks save too.
            const wait = savedAt + 1_000 - Date.now();
            if (wait <= 0) save({});
            else saveLater ??= setTimeout(() => save({}), wait).unref();
            if (position.seq !== lastReported) report({ kind: 'delivered', seq: (lastReported = position.seq) });
          },
          lockLost,
        );
        // Whatever was not delivered goes again, from the next connection or the next forwarder.
        cursor.moveTo(delivered);
        // A clean end: forwarding stops, or the lock went to another process.
        if (broke === null) return;
        save({ lastError: { message: broke, at: now().toISOString() } });
        report({ kind: 'unreachable', receiver: receiver.address, reason: broke, retryInMs: delay });
        if (!stopping) await nap(delay);
      }
    } finally {
      watcher.close();
      save({ sender: null });
      clearTimeout(saveLater);
    }
  };

  /**
   * Sends until the connection breaks (returns why) or forwarding stops
   * (returns null after a clean close). `deliver` is told each position that
   * counts as delivered.
   */
  const pump = async (
    link: ReceiverLink,
    cursor: TrailCursor,
    deliver: (position: TrailPosition) => void,
    lockLost: () => boolean,
  ): Promise<string | null> => {
    const inFlight: InFlight[] = [];
    let broken: string | null = null;
    void link.closed.then((reason) => {
      broken = reason;
      alarm();
    });
    /** Delivers what was written before `cutoff`, unless the connection broke meanwhile (`closedCleanly`: it ended after reading all). */
    const settle = (cutoff: number, closedCleanly = false) => {
      let last: TrailPosition | null = null;
      while (inFlight.length > 0 && inFlight[0]!.writtenAt <= cutoff && (broken === null || closedCleanly))
        last = inFlight.shift()!.after;
      if (last) deliver(last);
    };
    const ticker = setInterval(() => settle(Date.now() - settleMs), Math.min(250, settleMs));
    ticker.unref();
    try {
      for (;;) {
        if (broken !== null || lockLost()) break;
        const lines = cursor.next();
        if (lines.length === 0) {
          if (stopping) break;
          await nap(pollMs);
          continue;
        }
        for (const line of lines) {
          const written = () => inFlight.push({ after: line.after, writtenAt: Date.now() });
          if (!link.send({ line: line.text, ts: line.ts, kind: line.kind }, written))
            await Promise.race([link.drained(), link.closed]);
          if (broken !== null) break;
        }
        if (stopping && stopping.deadline <= Date.now()) break;
        // Let calls run between batches: a long backlog never holds the event loop.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      clearInterval(ticker);
    }
    if (broken !== null) {
      link.destroy();
      return broken;
    }
    settle(Date.now() - settleMs);
    // A clean close the receiver answers with its own shows it read everything before it.
    const remaining = stopping ? Math.max(100, stopping.deadline - Date.now()) : 1_000;
    if (await link.finish(remaining)) settle(Number.POSITIVE_INFINITY, true);
    else link.destroy();
    return null;
  };

  const running = run().catch((error: unknown) => {
    report({
      kind: 'waiting',
      reason: `forwarding stopped: ${error instanceof Error ? error.message : String(error)}`,
    });
  });

  return {
    nudge: alarm,
    async stop(graceMs) {
      stopping ??= { deadline: Date.now() + graceMs };
      alarm();
      // A connection attempt that hangs is not waited for; the next forwarder sends what is left.
      await Promise.race([running, new Promise((resolve) => setTimeout(resolve, graceMs + 250).unref())]);
    },
  };
}

/** Wakes the forwarder when the audit directory changes (appends by other processes); polling covers file systems without events. */
function watchTrail(dir: string, onChange: () => void): { close(): void } {
  try {
    const watcher = fs.watch(dir, { persistent: false }, onChange);
    watcher.on('error', () => watcher.close());
    return watcher;
  } catch {
    return { close: () => undefined };
  }
}
