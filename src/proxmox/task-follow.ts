import { setTimeout as delay } from 'node:timers/promises';
import type { CallOptions, FollowTaskOptions, TaskApi, TaskOutcome, TaskProgress } from '../core/ports/proxmox-api.js';
import { ProxmoxAbortedError } from './errors.js';
import type { LogLine } from './schemas/tasks.js';
import { parseUpid, type UpidString } from './upid.js';

export type { FollowTaskOptions, TaskOutcome, TaskProgress };

const pageSize = 500;

/** Polls a task until it stops, reading its whole log on the way. */
export async function followTask(
  tasks: Pick<TaskApi, 'status' | 'log'>,
  upid: UpidString,
  options: FollowTaskOptions = {},
): Promise<TaskOutcome> {
  const { node } = parseUpid(upid);
  const call: CallOptions = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  };
  const log: string[] = [];
  for (;;) {
    // Status first: once it says stopped, the log read after it is complete.
    const status = await tasks.status(upid, call);
    const newLines = await readFrom(tasks, upid, log.length, call);
    log.push(...newLines);
    options.onProgress?.({ upid, status: status.status, newLines });
    if (status.status === 'stopped') {
      const exitStatus = status.exitstatus ?? 'unexpected status';
      return { upid, node, status: succeeded(exitStatus) ? 'ok' : 'failed', exitStatus, log };
    }
    await pause(options.pollIntervalMs ?? 1000, options.signal, upid);
  }
}

export function succeeded(exitStatus: string): boolean {
  return exitStatus === 'OK' || /^WARNINGS: \d+$/.test(exitStatus);
}

async function readFrom(
  tasks: Pick<TaskApi, 'log'>,
  upid: UpidString,
  start: number,
  call: CallOptions,
): Promise<string[]> {
  const lines: string[] = [];
  for (;;) {
    const { data, total } = await tasks.log(upid, { start: start + lines.length, limit: pageSize }, call);
    const page = withoutPlaceholder(data, start + lines.length);
    lines.push(...[...page].sort((a, b) => a.n - b.n).map((line) => line.t));
    const end = total ?? start + lines.length;
    if (page.length < pageSize || start + lines.length >= end) return lines;
  }
}

/** An empty log file reads as one line `no content` (pve-common dump_logfile); it is not a log line. */
function withoutPlaceholder(page: LogLine[], start: number): LogLine[] {
  const only = page[0];
  return start === 0 && page.length === 1 && only?.n === 1 && only.t === 'no content' ? [] : page;
}

async function pause(ms: number, signal: AbortSignal | undefined, upid: UpidString): Promise<void> {
  try {
    await delay(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted)
      throw new ProxmoxAbortedError({ method: 'GET', path: `/nodes/${parseUpid(upid).node}/tasks/${upid}/status` });
    throw error;
  }
}
