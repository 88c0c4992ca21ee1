/**
 * The simulator's clock in ms since the epoch: an injected one, or the
 * scenario's `now` advanced by real elapsed time, or the real time.
 */
export function simulatorClock(scenarioNow: string | undefined, injected?: () => number): () => number {
  if (injected) return injected;
  if (scenarioNow === undefined) return Date.now;
  const base = Date.parse(scenarioNow);
  const started = performance.now();
  return () => base + Math.floor(performance.now() - started);
}
