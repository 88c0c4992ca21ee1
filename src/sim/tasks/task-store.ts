import { formatUpid, type Upid } from '../../proxmox/upid.js';

/** One worker task: running until the clock passes `endsAt`, then finished with `exitstatus`. */
export interface TaskRecord extends Upid {
  upid: string;
  /** Sim-clock milliseconds at which the task ends. */
  endsAt: number;
  /** Worker output without the final `TASK ...` line. */
  lines: string[];
  /** `OK`, `WARNINGS: n` or the error text. */
  exitstatus: string;
  done: boolean;
  /** The task's effect on the cluster, run when it ends, with the sim-clock ms it ended at. */
  onEnd?: (endedAt: number) => void;
}

export interface NewTask {
  node: string;
  type: string;
  id: string;
  user: string;
  lines: string[];
  exitstatus: string;
  /** Sim-clock ms the task starts at (default: now) and how long it runs. */
  startedAt?: number;
  durationMs: number;
  onEnd?: (endedAt: number) => void;
}

export interface TaskHooks {
  started(task: TaskRecord): void;
  /** `ts`: when the task ended, which may be before the call that noticed it. */
  ended(task: TaskRecord, ts: number): void;
}

export function finalLine(exitstatus: string): string {
  if (exitstatus === 'OK') return 'TASK OK';
  if (/^WARNINGS: \d+$/.test(exitstatus)) return `TASK ${exitstatus}`;
  return `TASK ERROR: ${exitstatus.replace(/\n/g, ' ')}`;
}

/** Every task of the cluster, newest first per node, finishing lazily as the (injected) clock moves. */
export class TaskStore {
  private readonly byUpid = new Map<string, TaskRecord>();
  private readonly byNode = new Map<string, TaskRecord[]>();
  private readonly unsorted = new Set<string>();
  private pending: TaskRecord[] = [];
  private nextPid = 0x1a2b3c;

  constructor(
    private readonly now: () => number,
    private readonly bootTimeOf: (node: string) => number,
    private readonly hooks: TaskHooks,
  ) {}

  /** Starts a task now (or at `startedAt`); it ends after `durationMs` of sim time. */
  create(spec: NewTask): TaskRecord {
    const task = this.add(spec);
    this.hooks.started(task);
    this.pending.push(task);
    this.settle();
    return task;
  }

  /** Records a task of the scenario's history: already finished, no journal lines, no effects. */
  importFinished(spec: NewTask): TaskRecord {
    const task = this.add(spec);
    task.done = true;
    return task;
  }

  private add(spec: NewTask): TaskRecord {
    const startedAt = spec.startedAt ?? this.now();
    const starttime = Math.floor(startedAt / 1000);
    this.nextPid += 0x1f3 + (this.nextPid % 7) * 0x11;
    const pid = this.nextPid;
    const pstart = Math.max(0, (starttime - this.bootTimeOf(spec.node)) * 100) + (pid % 97);
    const upid = formatUpid({ node: spec.node, pid, pstart, starttime, type: spec.type, id: spec.id, user: spec.user });
    const task: TaskRecord = {
      upid,
      node: spec.node,
      pid,
      pstart,
      starttime,
      type: spec.type,
      id: spec.id,
      user: spec.user,
      endsAt: startedAt + spec.durationMs,
      lines: spec.lines,
      exitstatus: spec.exitstatus,
      done: false,
      ...(spec.onEnd ? { onEnd: spec.onEnd } : {}),
    };
    this.byUpid.set(upid, task);
    const list = this.byNode.get(spec.node) ?? [];
    list.push(task);
    this.byNode.set(spec.node, list);
    this.unsorted.add(spec.node);
    return task;
  }

  /** Ends every task whose time has come, in order, applying its effects. */
  settle(): void {
    if (this.pending.length === 0) return;
    const now = this.now();
    const due = this.pending.filter((task) => task.endsAt <= now).sort((a, b) => a.endsAt - b.endsAt);
    if (due.length === 0) return;
    this.pending = this.pending.filter((task) => task.endsAt > now);
    for (const task of due) {
      task.done = true;
      task.onEnd?.(task.endsAt);
      this.hooks.ended(task, task.endsAt);
    }
  }

  get(upid: string): TaskRecord | undefined {
    return this.byUpid.get(upid);
  }

  /** The node's tasks, newest first. */
  ofNode(node: string): readonly TaskRecord[] {
    const list = this.byNode.get(node) ?? [];
    if (this.unsorted.delete(node)) list.sort(newestFirst);
    return list;
  }

  /** Every task of every node, newest first. */
  all(): TaskRecord[] {
    return [...this.byNode.keys()].flatMap((node) => this.ofNode(node)).sort(newestFirst);
  }

  /** The worker output as the log file holds it: the final line only once the task has ended. */
  logOf(task: TaskRecord): string[] {
    return task.done ? [...task.lines, finalLine(task.exitstatus)] : task.lines;
  }
}

function newestFirst(a: TaskRecord, b: TaskRecord): number {
  return b.starttime - a.starttime || b.pid - a.pid;
}
