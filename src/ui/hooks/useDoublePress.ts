import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Ctrl-C semantics: the first press reports 'first' (abort, and arm the
 * quit); a second press within `windowMs` reports 'second' (quit).
 */
export function useDoublePress(now: () => number, windowMs: number): { press(): 'first' | 'second'; armed: boolean } {
  const last = useRef<number | null>(null);
  const timer = useRef<NodeJS.Timeout | null>(null);
  const [armed, setArmed] = useState(false);
  const press = useCallback(() => {
    const time = now();
    if (last.current !== null && time - last.current <= windowMs) {
      last.current = null;
      return 'second' as const;
    }
    last.current = time;
    setArmed(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setArmed(false), windowMs);
    return 'first' as const;
  }, [now, windowMs]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return { press, armed };
}
