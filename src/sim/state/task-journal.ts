import type { TaskHooks, TaskRecord } from '../tasks/task-store.js';
import type { Journal } from './journal.js';
import type { NodeState } from './model.js';

/** The pid of a node's pvedaemon, which writes the task lines of its journal. */
export function pvedaemonPid(node: NodeState | undefined): number {
  return 1423 + (node?.index ?? 0) * 17;
}

/** pvedaemon's journal lines around every worker: `starting task`, the error of a failed one, `end task`. */
export class TaskJournal implements TaskHooks {
  constructor(
    private readonly journal: Journal,
    private readonly nodes: Map<string, NodeState>,
  ) {}

  started(task: TaskRecord, ts?: number): void {
    this.journal.log(
      task.node,
      `pvedaemon[${pvedaemonPid(this.nodes.get(task.node))}]: <${task.user}> starting task ${task.upid}`,
      ts,
    );
  }

  ended(task: TaskRecord, ts?: number): void {
    if (task.exitstatus !== 'OK' && !task.exitstatus.startsWith('WARNINGS'))
      this.journal.log(task.node, `pvedaemon[${task.pid}]: ${task.exitstatus}`, ts);
    this.journal.log(
      task.node,
      `pvedaemon[${pvedaemonPid(this.nodes.get(task.node))}]: <${task.user}> end task ${task.upid} ${task.exitstatus}`,
      ts,
    );
  }
}
