import type { GuestEvidence } from './evidence.js';
import { lineScope } from './guest-mentions.js';
import type { ObservedLine } from './observed-line.js';
import { currentFailures } from './read-facts.js';

/**
 * The lines a diagnosis explains: the logs of failures that still matter,
 * journal lines about this guest or no guest in particular, the words of
 * reads that failed, and the QEMU state when it is not a normal one.
 */
export function observedLines(evidence: GuestEvidence): ObservedLine[] {
  const lines: ObservedLine[] = [];
  const failing = currentFailures(evidence.tasks, evidence.guest.status);
  for (const task of failing) {
    const log = task.log && task.log.length > 0 ? task.log : [`TASK ERROR: ${task.status}`];
    for (const text of log)
      if (text !== 'TASK OK') lines.push({ text, source: 'task-log', group: task.upid, scope: 'guest' });
  }
  const current = new Set(failing.map((task) => task.upid));
  const window = evidence.failureWindow;
  const near = new Set(window?.lines ?? []);
  evidence.journal.forEach((text, index) => {
    // The daemons repeat a task's error in the journal: that line belongs to the task, and matters only while it does.
    const upid = echoedTask(evidence, text);
    if (upid !== undefined && !current.has(upid)) return;
    const scope = lineScope(text, evidence.guest.vmid);
    if (scope === 'other') return;
    // Kernel and service lines logged while the task failed belong to it, whether or not they name the guest.
    const during = upid === undefined && window && near.has(text) ? window.upid : undefined;
    const group = upid ?? `journal:${index}`;
    lines.push(
      during ? { text, source: 'journal', group, scope: 'guest', during } : { text, source: 'journal', group, scope },
    );
  });
  for (const failure of evidence.failures) {
    lines.push({ text: failure.message, source: failure.source, group: `read:${failure.path}`, scope: 'guest' });
  }
  const { qmpstatus, status } = evidence.guest;
  if (
    qmpstatus !== undefined &&
    qmpstatus !== 'running' &&
    qmpstatus !== 'stopped' &&
    qmpstatus !== 'paused' &&
    status !== 'stopped'
  ) {
    lines.push({ text: `qmpstatus: ${qmpstatus}`, source: 'status', group: 'status', scope: 'guest' });
  }
  return lines;
}

/** The task a journal line speaks for: the UPID it names, or a failed task whose error it repeats. */
function echoedTask(evidence: GuestEvidence, text: string): string | undefined {
  const upid = /\bUPID:\S+:/.exec(text)?.[0];
  if (upid !== undefined) return upid;
  return evidence.tasks.find(
    (task) =>
      task.failed && (task.status.length >= 12 ? text.endsWith(task.status) : text.endsWith(`: ${task.status}`)),
  )?.upid;
}
