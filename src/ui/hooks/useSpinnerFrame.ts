import { useEffect, useState } from 'react';

const frameMs = 120;

/** Advances while `active`; a still frame otherwise, so an idle screen does no work. */
export function useSpinnerFrame(frames: readonly string[], active: boolean): string {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setIndex((value) => (value + 1) % frames.length), frameMs);
    return () => clearInterval(timer);
  }, [active, frames.length]);
  return frames[index % frames.length]!;
}
