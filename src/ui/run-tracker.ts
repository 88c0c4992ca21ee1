/** The runs (turns, slash commands) still settling; run-tui waits for them so aborted calls reach the audit trail before the backend closes. */
export class RunTracker {
  private readonly pending = new Set<Promise<unknown>>();

  track(run: Promise<unknown>): void {
    this.pending.add(run);
    const forget = () => this.pending.delete(run);
    run.then(forget, forget);
  }

  /** Resolves when every tracked run has settled, or after `timeoutMs`. */
  async settled(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.pending]), timeout]);
    clearTimeout(timer);
  }
}
