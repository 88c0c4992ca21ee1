import type { TaskFact } from './evidence.js';
import type { SignatureBook } from './signature-book.js';

/** Permission errors in task logs name a path; ask what the task's user may do there now. */
export function permissionQuestions(
  book: SignatureBook,
  tasks: readonly TaskFact[],
): Array<{ userid: string; path: string }> {
  const signature = book.byId.get('permission-check-failed');
  if (!signature) return [];
  const questions = new Map<string, { userid: string; path: string }>();
  for (const task of tasks) {
    for (const line of task.log ?? [task.status]) {
      const path = signature.patterns
        .map((pattern) => pattern.exec(line)?.groups?.path)
        .find((found) => found !== undefined);
      if (path && task.user) questions.set(`${task.user} ${path}`, { userid: task.user, path });
    }
  }
  return [...questions.values()];
}
