import type { Approver } from '../core/approver.js';
import type { ToolOutcome } from '../core/call-outcome.js';
import type { TurnResult } from '../core/agent/agent-session.js';
import type { AuditLine, HeaderInfo, PolicySummary, TuiBackend, TurnHandlers } from './backend.js';

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

  constructor(
    private readonly opening: Promise<TuiBackend>,
    private readonly profile: string,
  ) {
    this.ready = opening.then((backend) => {
      this.backend = backend;
      backend.setApprover(this.approver);
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
  ): Promise<ToolOutcome> {
    return (await this.opened()).callTool(tool, args, handlers, signal);
  }

  setApprover(approver: Approver | null): void {
    this.approver = approver;
    this.backend?.setApprover(approver);
  }

  completions(): { vmids: number[]; nodes: string[] } {
    return this.backend?.completions() ?? { vmids: [], nodes: [] };
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
