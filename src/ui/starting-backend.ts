import type { Approver } from '../core/approver.js';
import type { ToolOutcome } from '../core/call-outcome.js';
import type { TurnResult } from '../core/agent/agent-session.js';
import type { AuditLine, HeaderInfo, PolicySummary, TuiBackend, TurnHandlers } from './backend.js';
import type { CompletionSources } from './commands/complete.js';

/**
 * The TUI's backend while the session is still opening (connecting to the
 * cluster, reading its nodes, finding the model): the screen draws its first
 * frame at once instead of after those reads. Until the real backend is there
 * the header says it is connecting, completions are empty, and a question or
 * a slash command waits for it; afterwards every call goes straight through.
 * If opening fails, `ready` rejects with that error and the TUI ends with it.
 */
export class StartingBackend implements TuiBackend {
  readonly ready: Promise<void>;
  private backend: TuiBackend | undefined;
  private approver: Approver | null = null;
  /** Lines submitted before the session opened, remembered once it has. */
  private readonly unremembered: string[] = [];
  /** The lines of earlier sessions, as they were when the session opened. */
  private earlier: readonly string[] = [];

  constructor(
    private readonly opening: Promise<TuiBackend>,
    private readonly profile: string,
  ) {
    this.ready = opening.then((backend) => {
      this.backend = backend;
      backend.setApprover(this.approver);
      this.earlier = [...backend.inputHistory()];
      for (const line of this.unremembered.splice(0)) backend.rememberInput(line);
    });
    // Whoever awaits `ready` sees a failure; an unawaited copy must not end the process.
    this.ready.catch(() => undefined);
  }

  header(): HeaderInfo {
    return (
      this.backend?.header() ?? {
        profile: this.profile,
        cluster: null,
        nodeCount: 0,
        model: null,
        contextLength: 0,
        policyMode: 'normal',
        connecting: true,
      }
    );
  }

  modelBanner(): string | null {
    return this.backend ? this.backend.modelBanner() : null;
  }

  async ask(question: string, handlers: TurnHandlers, signal: AbortSignal): Promise<TurnResult> {
    return (await this.opened()).ask(question, handlers, signal);
  }

  async callTool(
    tool: string,
    args: Record<string, unknown>,
    handlers: Pick<TurnHandlers, 'emit'>,
    signal: AbortSignal,
    options?: { fresh?: boolean },
  ): Promise<ToolOutcome> {
    return (await this.opened()).callTool(tool, args, handlers, signal, options);
  }

  setApprover(approver: Approver | null): void {
    this.approver = approver;
    this.backend?.setApprover(approver);
  }

  completions(): CompletionSources {
    return this.backend?.completions() ?? { guests: [], nodes: [] };
  }

  /** Empty until the session has opened; the screen then adds the earlier lines (see App). */
  inputHistory(): readonly string[] {
    return this.earlier;
  }

  rememberInput(line: string): void {
    if (this.backend) this.backend.rememberInput(line);
    else this.unremembered.push(line);
  }

  async auditTail(count: number): Promise<AuditLine[]> {
    return (await this.opened()).auditTail(count);
  }

  policySummary(): PolicySummary {
    // Safety: never show an empty rule list for a policy that is not loaded yet.
    if (!this.backend) throw new Error('still connecting to the cluster; the policy is shown once it is loaded');
    return this.backend.policySummary();
  }

  async setModel(name: string): Promise<HeaderInfo> {
    return (await this.opened()).setModel(name);
  }

  clearConversation(): void {
    this.backend?.clearConversation();
  }

  /** Closes the real backend if it opened; a failed opening has nothing to close. */
  async close(): Promise<void> {
    const backend = await this.opening.catch(() => undefined);
    await backend?.close();
  }

  private async opened(): Promise<TuiBackend> {
    await this.ready;
    return this.backend!;
  }
}
