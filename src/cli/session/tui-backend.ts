import path from 'node:path';
import type { AgentSession } from '../../core/agent/agent-session.js';
import type { AgentEvent } from '../../core/agent/events.js';
import type { ChatModel } from '../../core/chat-model.js';
import { AppError } from '../../shared/errors.js';
import type { AuditLine, HeaderInfo, PolicySummary, TuiBackend, TurnHandlers } from '../../ui/backend.js';
import type { CompletionSources } from '../../ui/commands/complete.js';
import type { CommandContext } from '../io.js';
import { DelegatingApprover } from './delegating-approver.js';
import { InputHistoryFile } from './input-history-file.js';
import { openAgent } from './open-agent.js';
import type { ClusterConnection } from './open-cluster.js';
import type { ToolSession } from './open-tool-session.js';
import { auditTailLines, policySummaryOf, readCompletionSources } from './tui-views.js';

/** The TUI's port, implemented with the real scheduler, cluster, audit, policy and Ollama model. */
export class LiveTuiBackend implements TuiBackend {
  private agent: AgentSession | null = null;
  private handlers: TurnHandlers | null = null;
  private banner: string | null = null;
  private names: CompletionSources = { guests: [], nodes: [] };
  private commandCalls = 0;
  private readonly history: InputHistoryFile;

  private constructor(
    private readonly ctx: CommandContext,
    private readonly cluster: ClusterConnection,
    private readonly tools: ToolSession,
    private readonly approver: DelegatingApprover,
    private model: ChatModel | null,
  ) {
    this.history = new InputHistoryFile(path.join(ctx.paths.stateDir, 'input-history'), tools.redactor);
  }

  static async open(
    ctx: CommandContext,
    cluster: ClusterConnection,
    tools: ToolSession,
    approver: DelegatingApprover,
  ): Promise<LiveTuiBackend> {
    const backend = new LiveTuiBackend(ctx, cluster, tools, approver, null);
    await Promise.all([backend.refreshCompletions(), backend.connectModel()]);
    return backend;
  }

  header(): HeaderInfo {
    return {
      profile: this.cluster.profile,
      cluster: this.cluster.cluster,
      nodeCount: this.names.nodes.length,
      model: this.model?.name ?? null,
      contextLength: this.model?.contextLength ?? 0,
      policyMode: this.tools.mode,
    };
  }

  modelBanner(): string | null {
    return this.banner;
  }

  async ask(question: string, handlers: TurnHandlers, signal: AbortSignal) {
    if (!this.agent) throw new AppError('llm.unavailable', this.banner ?? 'no model is available');
    this.handlers = handlers;
    try {
      return await this.agent.runTurn(question, signal);
    } finally {
      this.handlers = null;
      // In the background: the turn is over for the user as soon as its answer is there.
      void this.refreshCompletions().catch(() => undefined);
    }
  }

  async callTool(
    tool: string,
    args: Record<string, unknown>,
    handlers: Pick<TurnHandlers, 'emit'>,
    signal: AbortSignal,
    options: { fresh?: boolean } = {},
  ) {
    const id = `t${++this.commandCalls}`;
    handlers.emit({ type: 'tool-requested', id, tool, args });
    const outcome = await this.tools.call({
      tool,
      args,
      signal,
      origin: 'tui',
      ...(options.fresh ? { fresh: true } : {}),
      onProgress: (message) => handlers.emit({ type: 'tool-progress', id, message }),
      onDecision: (decision) => handlers.emit({ type: 'tool-decision', id, ...decision }),
    });
    handlers.emit({ type: 'tool-result', id, outcome });
    await this.refreshCompletions();
    return outcome;
  }

  setApprover(approver: Parameters<TuiBackend['setApprover']>[0]): void {
    this.approver.set(approver);
  }

  completions(): CompletionSources {
    return this.names;
  }

  inputHistory(): readonly string[] {
    return this.history.load();
  }

  rememberInput(line: string): void {
    this.history.add(line);
  }

  auditTail(count: number): Promise<AuditLine[]> {
    return auditTailLines(this.ctx.paths.auditDir, count);
  }

  policySummary(): PolicySummary {
    return policySummaryOf(this.tools);
  }

  /** A failed switch keeps the current model and conversation; the error says why. */
  async setModel(name: string): Promise<HeaderInfo> {
    const { createChatModel } = await import('../../llm/create-chat-model.js');
    const model = await createChatModel({
      config: { ...this.cluster.config, ai: { ...this.cluster.config.ai, model: name } },
      env: { ...this.ctx.io.env, PROXMOX_AI_MODEL: name },
    });
    await this.startConversation(model);
    this.banner = null;
    return this.header();
  }

  clearConversation(): void {
    if (this.model) void this.startConversation(this.model);
  }

  async close(): Promise<void> {
    await this.tools.end('tui closed');
  }

  /** The configured model; when it cannot be had, the TUI opens in command mode with this banner. */
  private async connectModel(): Promise<void> {
    try {
      const { createChatModel } = await import('../../llm/create-chat-model.js');
      await this.startConversation(await createChatModel({ config: this.cluster.config, env: this.ctx.io.env }));
      this.banner = null;
    } catch (error) {
      if (!AppError.isInstance(error)) throw error;
      this.banner = `${error.message} (slash commands still work)`;
    }
  }

  private async startConversation(model: ChatModel): Promise<void> {
    this.model = model;
    this.agent = await openAgent(this.cluster, this.tools, model, {
      emit: (event: AgentEvent) => this.handlers?.emit(event),
      onStepLimit: () => this.handlers?.onStepLimit() ?? Promise.resolve('stop'),
    });
  }

  private async refreshCompletions(): Promise<void> {
    this.names = await readCompletionSources(this.cluster.api);
  }
}
