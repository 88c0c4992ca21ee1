import { useCallback, useRef, useState } from 'react';

export interface PendingQuestion<Q, A> {
  id: number;
  question: Q;
  answer(value: A): void;
}

/**
 * Questions for the user, one shown at a time, each a promise that settles
 * with the answer; an aborted signal settles it with `onAbort`.
 */
export function usePendingQuestions<Q, A>(): {
  current: PendingQuestion<Q, A> | null;
  ask(question: Q, signal: AbortSignal, onAbort: A): Promise<A>;
} {
  const [queue, setQueue] = useState<ReadonlyArray<PendingQuestion<Q, A>>>([]);
  const ids = useRef(0);
  const ask = useCallback((question: Q, signal: AbortSignal, onAbort: A) => {
    return new Promise<A>((resolve) => {
      const id = ++ids.current;
      const settle = (value: A) => {
        signal.removeEventListener('abort', aborted);
        setQueue((items) => items.filter((item) => item.id !== id));
        resolve(value);
      };
      const aborted = () => settle(onAbort);
      if (signal.aborted) return resolve(onAbort);
      signal.addEventListener('abort', aborted, { once: true });
      setQueue((items) => [...items, { id, question, answer: settle }]);
    });
  }, []);
  return { current: queue[0] ?? null, ask };
}
