import { describe, expect, it } from 'vitest';
import type { TaskFact } from '../../src/diagnose/evidence.js';
import { currentFailures } from '../../src/diagnose/read-facts.js';

function task(type: string, starttime: number, status: string): TaskFact {
  return {
    upid: `UPID:${type}:${starttime}`,
    type,
    user: 'root@pam',
    starttime,
    endtime: starttime + 1,
    status,
    failed: status !== 'OK',
    running: false,
    log: undefined,
  };
}

// Newest first, as the task list comes.
describe('failures that still matter', () => {
  it('drops a failure that a later success of the same kind settled', () => {
    const tasks = [task('vzdump', 30, 'OK'), task('vzdump', 20, 'job errors')];
    expect(currentFailures(tasks, 'stopped')).toEqual([]);
  });

  it('keeps a failure of another kind', () => {
    const tasks = [task('qmstart', 30, 'OK'), task('vzdump', 20, 'job errors')];
    expect(currentFailures(tasks, 'running').map((t) => t.type)).toEqual(['vzdump']);
  });

  it('drops a failed start of a guest that runs now', () => {
    expect(currentFailures([task('qmstart', 20, 'start failed: QEMU exited with code 1')], 'running')).toEqual([]);
  });

  it('keeps at most three, newest first', () => {
    const tasks = [40, 30, 20, 10].map((at) => task(`t${at}`, at, 'failed'));
    expect(currentFailures(tasks, 'stopped').map((t) => t.starttime)).toEqual([40, 30, 20]);
  });
});
