import { AuditWriteError } from '../audit/index.js';

export type Bounded<T> =
  { kind: 'done'; value: T } | { kind: 'timeout' } | { kind: 'aborted' } | { kind: 'error'; message: string };

/**
 * Runs `work` until it settles, the caller aborts, or `timeoutMs` passes,
 * whichever comes first; `work` gets a signal that fires in the last two cases.
 * Audit write failures are not swallowed: they must stop the call (fail closed).
 */
export async function runBounded<T>(
  timeoutMs: number,
  outer: AbortSignal,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<Bounded<T>> {
  const controller = new AbortController();
  let reason: 'timeout' | 'aborted' | undefined;
  const stop = (why: 'timeout' | 'aborted') => {
    reason ??= why;
    controller.abort();
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onAbort = () => stop('aborted');
  if (outer.aborted) stop('aborted');
  else outer.addEventListener('abort', onAbort, { once: true });
  const stopped = new Promise<'stopped'>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve('stopped'), { once: true }),
  );
  try {
    const value = await Promise.race([work(controller.signal), stopped]);
    if (value === 'stopped' || reason) return { kind: reason ?? 'aborted' };
    return { kind: 'done', value };
  } catch (error) {
    if (reason) return { kind: reason };
    if (error instanceof AuditWriteError) throw error;
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
    outer.removeEventListener('abort', onAbort);
  }
}
