import type { StepLimitChoice, TurnResult } from '../src/core/agent/agent-session.js';
import type { AgentEvent, StopReason, TurnUsage } from '../src/core/agent/events.js';
import type { Approver } from '../src/core/approver.js';
import type { ToolOutcome } from '../src/core/call-outcome.js';
import type { AuditLine, HeaderInfo, PolicySummary, TuiBackend, TurnHandlers } from '../src/ui/backend.js';

export const usage: TurnUsage = {
  promptTokens: 900,
  evalTokens: 120,
  requests: 2,
  totalMs: 800,
  contextUsed: 4096,
  contextLength: 40960,
};

/** A turn or slash command the test drives by hand: emit events, then finish. */
export interface FakeRun<R> {
  input: string;
  args?: Record<string, unknown>;
  signal: AbortSignal;
  emit(event: AgentEvent): void;
  stepLimit?: () => Promise<StepLimitChoice>;
  finish(result: R): void;
}

const waiters = () => {
  const queue: Array<(value: void) => void> = [];
  return {
    wait: () => new Promise<void>((resolve) => queue.push(resolve)),
    wake: () => queue.splice(0).forEach((resolve) => resolve()),
  };
};

/** TuiBackend for tests: records what the UI asks and lets the test play the agent and the scheduler. */
export class FakeBackend implements TuiBackend {
  headerInfo: HeaderInfo = {
    profile: 'demo',
    cluster: 'homelab',
    nodeCount: 2,
    model: 'qwen3:8b',
    contextLength: 40960,
    policyMode: 'normal',
  };
  banner: string | null = null;
  approver: Approver | null = null;
  readonly turns: Array<FakeRun<TurnResult>> = [];
  readonly toolCalls: Array<FakeRun<ToolOutcome>> = [];
  audit: AuditLine[] = [];
  policy: PolicySummary = { rules: [{ id: 'reads', verdict: 'allow', source: 'default' }], grants: [] };
  guests = [
    { vmid: 100, name: 'web-01' },
    { vmid: 101, name: 'db-01' },
    { vmid: 102, name: 'ci-runner' },
    { vmid: 103, name: 'files-01' },
    { vmid: 104, name: 'analytics' },
    { vmid: 105, name: 'ubuntu-2404-tmpl' },
    { vmid: 200, name: 'dns' },
  ];
  nodes = ['pve1', 'pve2'];
  cleared = 0;
  closed = false;
  private readonly started = waiters();
  private readonly installed = waiters();

  header(): HeaderInfo {
    return this.headerInfo;
  }
  modelBanner(): string | null {
    return this.banner;
  }
  ask(question: string, handlers: TurnHandlers, signal: AbortSignal): Promise<TurnResult> {
    return this.record(
      this.turns,
      { input: question, signal, emit: handlers.emit, stepLimit: handlers.onStepLimit },
      (resolve) => {
        handlers.emit({ type: 'done', stopReason: 'aborted', answer: '', usage });
        resolve(turnResult('aborted'));
      },
    );
  }
  callTool(
    tool: string,
    args: Record<string, unknown>,
    handlers: Pick<TurnHandlers, 'emit'>,
    signal: AbortSignal,
  ): Promise<ToolOutcome> {
    return this.record(this.toolCalls, { input: tool, args, signal, emit: handlers.emit }, (resolve) =>
      resolve(outcome(tool, 'aborted', 'aborted')),
    );
  }
  setApprover(approver: Approver | null): void {
    this.approver = approver;
    if (approver) this.installed.wake();
  }
  history: string[] = [];
  inputHistory(): readonly string[] {
    return this.history;
  }
  rememberInput(line: string): void {
    this.history.push(line);
  }
  completions() {
    return { guests: this.guests, nodes: this.nodes };
  }
  async auditTail(count: number): Promise<AuditLine[]> {
    return this.audit.slice(-count);
  }
  policySummary(): PolicySummary {
    return this.policy;
  }
  async setModel(name: string): Promise<HeaderInfo> {
    this.headerInfo = { ...this.headerInfo, model: name };
    this.banner = null;
    return this.headerInfo;
  }
  clearConversation(): void {
    this.cleared++;
  }
  async close(): Promise<void> {
    this.closed = true;
  }

  /** Resolves once the UI is mounted: its dialog is the approver. */
  async mounted(): Promise<void> {
    while (!this.approver) await this.installed.wait();
  }

  /** Resolves once the UI has started `count` turns and tool calls in all. */
  async runsStarted(count: number): Promise<void> {
    while (this.turns.length + this.toolCalls.length < count) await this.started.wait();
  }

  private record<R>(
    list: Array<FakeRun<R>>,
    run: Omit<FakeRun<R>, 'finish'>,
    onAbort: (resolve: (value: R) => void) => void,
  ): Promise<R> {
    return new Promise<R>((resolve) => {
      list.push({ ...run, finish: resolve });
      run.signal.addEventListener('abort', () => onAbort(resolve), { once: true });
      this.started.wake();
    });
  }
}

export function turnResult(stopReason: StopReason, answer = ''): TurnResult {
  return { answer, stopReason, usage, outcomes: [] };
}

export function outcome(tool: string, status: ToolOutcome['status'], summary: string, text = summary): ToolOutcome {
  return { tool, status, summary, text, callSeq: 1 };
}
