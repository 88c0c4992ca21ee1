import type { AgentEvent } from '../../core/agent/events.js';
import { AppError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';
import { printJson, type CommandContext } from '../io.js';
import { ApproveFlagApprover, type ApproveClass } from '../session/approve-flag-approver.js';
import { exitCodeOf } from '../session/exit-code-of.js';
import { openAgent } from '../session/open-agent.js';
import { openCluster } from '../session/open-cluster.js';
import { openExternalServers } from '../session/external-servers.js';
import { openToolSession } from '../session/open-tool-session.js';
import { describeCall } from '../session/describe-call.js';
import { terminalText } from '../../shared/terminal-text.js';
import { answerWriter, type AnswerWriter } from '../session/answer-writer.js';

interface AskOptions {
  json?: boolean;
  approve?: ApproveClass;
  maxSteps?: number;
}

/** `ask "QUESTION"`: one agent turn, headless (docs/architecture.md, "The command line"). */
export async function ask(ctx: CommandContext, question: string, options: AskOptions): Promise<number> {
  const { io } = ctx;
  const cluster = await openCluster(ctx);
  const external = await openExternalServers(ctx, cluster.config, 'ask');
  try {
    const { createChatModel } = await import('../../llm/create-chat-model.js');
    const model = await createChatModel({ config: cluster.config, env: io.env });
    const tools = await openToolSession(ctx, cluster, {
      origin: 'ask',
      approver: new ApproveFlagApprover(options.approve),
      extraTools: external.tools,
    });
    const controller = new AbortController();
    const interrupt = () => controller.abort();
    process.once('SIGINT', interrupt);
    const answer = options.json ? null : answerWriter(io, ctx.globals.color);
    const agent = await openAgent(cluster, tools, model, {
      emit: (event) => show(ctx, event, answer),
      ...(options.maxSteps ? { maxSteps: options.maxSteps } : {}),
    });
    const turn = await agent.runTurn(question, controller.signal).finally(() => process.off('SIGINT', interrupt));
    await tools.end(`ask: ${turn.stopReason}`);
    if (turn.error !== undefined && AppError.isInstance(turn.error) && !options.json) throw turn.error;
    // 3 when any call was denied; 1 when the turn did not end in an answer (limits, errors); a failed call the model answered around is 0.
    const exitCode =
      exitCodeOf(turn.outcomes) === ExitCode.denied
        ? ExitCode.denied
        : turn.stopReason === 'answered'
          ? ExitCode.ok
          : ExitCode.runtime;
    if (options.json) {
      printJson(io.stdout, {
        answer: turn.answer,
        stopReason: turn.stopReason,
        toolCalls: turn.outcomes.map((o) => ({
          tool: o.tool,
          args: o.args ?? {},
          target: o.target ?? null,
          verdict: o.verdict ?? null,
          decidedBy: o.decidedBy ?? null,
          ruleId: o.ruleId ?? null,
          outcome: { status: o.status, summary: o.summary },
        })),
        usage: turn.usage,
        exitCode,
        ...(turn.error !== undefined
          ? {
              error: {
                code: AppError.isInstance(turn.error) ? turn.error.code : 'llm.error',
                message: turn.error instanceof Error ? turn.error.message : String(turn.error),
              },
            }
          : {}),
      });
    } else {
      io.stdout.write(turn.stopReason === 'answered' ? '\n' : `\n${terminalText(turn.answer)}\n`);
    }
    return exitCode;
  } finally {
    await external.close();
    await cluster.close();
  }
}

/** Answer text streams to stdout; tool activity goes to stderr (nothing on stdout with --json). */
function show(ctx: CommandContext, event: AgentEvent, answer: AnswerWriter | null): void {
  const { stderr } = ctx.io;
  switch (event.type) {
    case 'text':
      answer?.add(event.delta);
      break;
    case 'tool-requested':
    case 'done':
      answer?.end();
      break;
    case 'tool-result':
      stderr.write(`[${terminalText(describeCall(event.outcome))}]\n`);
      break;
    case 'notice':
    case 'error':
      answer?.end();
      stderr.write(`[${terminalText(event.message)}]\n`);
      break;
    default:
      break;
  }
}
