/**
 * Resolves on the first SIGINT or SIGTERM with a summary for the audit
 * trail. The listeners stay installed: with none left, signal-exit (loaded
 * by dependencies) would re-raise the signal and kill the process before
 * the sessions have recorded their end.
 */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.on('SIGINT', () => resolve('stopped by SIGINT'));
    process.on('SIGTERM', () => resolve('stopped by SIGTERM'));
  });
}
