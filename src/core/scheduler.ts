import type { AuditEntry, AuditOrigin, AuditSink, Redactor } from '../audit/index.js';
import { decide, type PolicyMode, type PolicyRule, type SessionGrants } from '../policy/index.js';
import type { Approver } from './approver.js';
import { argumentsProblem, auditCut, outputLimits } from './call-limits.js';
import type { CallStatus, ToolOutcome } from './call-outcome.js';
import {
  preflightFailureText,
  preflightRecord,
  preflightSummary,
  preflightVerdict,
  type Preflight,
} from './preflight.js';
import { readCacheKey, type ReadCache } from './read-cache.js';
import type { TurnReadMemo } from './turn-reads.js';
import type { ToolRegistry } from './registry.js';
import { runBounded } from './run-bounded.js';
import { runPreflight } from './run-preflight.js';
import type { SessionInfo } from './session.js';
import { takeSnapshotBefore } from './snapshot-before.js';
import { riskOf, type Target, type ToolContext } from './tool.js';
import { validateArgs } from './validate-args.js';
import { vmidNameHint, type GuestIdsNamed } from './vmid-name-hint.js';

export interface ToolRequest {
  tool: string;
  args: unknown;
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
  /** Told the policy decision as soon as it is made (tool cards show it while the call runs). */
  onDecision?: (decision: {
    verdict: 'allow' | 'ask' | 'deny';
    ruleId: string;
    decidedBy: string;
    target: Target;
  }) => void;
  /** The audit seq of what caused this call (e.g. the undo command's own call). */
  parentSeq?: number;
  /** The agent turn that made the call: its calls share reads (core/turn-reads.ts). */
  turn?: string;
  /** Overrides the session's origin, e.g. `tui` for a slash command in an agent session. */
  origin?: AuditOrigin;
  /** A read that must see the cluster as it is now: the cache is not asked, only refreshed (the live view). */
  fresh?: boolean;
}

export interface CallDeps {
  registry: ToolRegistry;
  audit: AuditSink;
  redactor: Redactor;
  rules: readonly PolicyRule[];
  mode: PolicyMode;
  grants: SessionGrants;
  /** Answers confirmations; without one, ask means deny. */
  approver?: Approver;
  session: SessionInfo;
  /** The tool context without the per-call parts. */
  context: Omit<ToolContext, 'signal' | 'progress'>;
  timeoutMs?: { read: number; write: number };
  /** Identical allowed reads within the TTL are answered from here and audited as `cached`. */
  cache?: ReadCache;
  /** Reads shared within an agent turn, e.g. the guest list targets are resolved from. */
  turnReads?: TurnReadMemo;
  /** Lets a rejected guest name say which id it has. */
  guestIdsNamed?: GuestIdsNamed;
}

const defaultTimeouts = { read: 60_000, write: 600_000 };

/**
 * The one pipeline every tool call goes through (docs/architecture.md, "The one pipeline"), and the only
 * caller of a tool's run():
 *   audit(call) -> validate -> resolve target -> decide -> audit(decision)
 *   -> [preflight -> audit(preflight); certain failures end here]
 *   -> [confirm with preview -> audit(answer)] -> [snapshot-before] -> run -> redact -> audit(result)
 * Each audit append is durable before the next step; a failed append throws
 * (fail closed) and nothing after it runs.
 */
export async function callTool(request: ToolRequest, deps: CallDeps): Promise<ToolOutcome> {
  const { registry, session, redactor } = deps;
  const signal = request.signal ?? new AbortController().signal;
  // Safety: sizes are checked before any other step reads the arguments; an
  // oversized call is still audited, with its arguments cut.
  const toolName = redactor.redactWithin(String(request.tool), 100);
  const oversized = argumentsProblem(request.args ?? {});
  const record = (entry: Partial<AuditEntry>) =>
    deps.audit.append({
      session: session.id,
      origin: request.origin ?? session.origin,
      actor: session.actor,
      profile: session.profile,
      cluster: session.cluster,
      parentSeq: request.parentSeq ?? null,
      tool: toolName,
      ...entry,
    } as AuditEntry);
  const safeArgs = redactor.redact(request.args ?? {}, oversized ? auditCut : undefined) as Record<string, unknown>;
  const call = await record({ kind: 'call', args: safeArgs });
  const finish = async (
    status: CallStatus,
    text: string,
    summary: string,
    extra: Partial<ToolOutcome> = {},
  ): Promise<ToolOutcome> => {
    const cleanText = redactor.redactWithin(text, outputLimits.text);
    const cleanSummary = redactor.redactWithin(summary, outputLimits.summary);
    await record({
      kind: 'result',
      parentSeq: call.seq,
      args: safeArgs,
      ...(extra.target ? { target: extra.target } : {}),
      outcome: { status: status === 'invalid' ? 'failed' : status, summary: cleanSummary },
    });
    return {
      tool: toolName,
      status,
      text: cleanText,
      summary: cleanSummary,
      args: safeArgs,
      callSeq: call.seq,
      ...extra,
    };
  };

  const tool = registry.get(request.tool);
  if (!tool) {
    const names = registry.names().join(', ');
    return finish('invalid', `unknown tool '${toolName}'; valid tools: ${names}`, `unknown tool ${toolName}`);
  }
  if (oversized) return finish('invalid', `invalid arguments for ${tool.name}: ${oversized}`, oversized);
  const validation = validateArgs(tool.name, tool.input, request.args);
  if (!validation.ok) {
    const hint = await vmidNameHint(request.args, deps.guestIdsNamed, signal);
    const message = hint ? `invalid arguments for ${tool.name}: ${hint}` : validation.message;
    return finish('invalid', message, message);
  }
  const args = validation.args as Record<string, unknown>;
  const risk = riskOf(tool, args);
  const turnReads = request.turn !== undefined ? deps.turnReads?.of(request.turn) : undefined;
  const context = (callSignal: AbortSignal): ToolContext => ({
    ...deps.context,
    ...(turnReads ? { turnReads } : {}),
    signal: callSignal,
    progress: (message) => request.onProgress?.(redactor.redactWithin(message, outputLimits.progress)),
  });

  let target: Target;
  try {
    target = await tool.target(args, context(signal));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return finish('failed', message, message);
  }

  const actor = session.actor.person ?? undefined;
  const decision = decide(
    { tool: tool.name, risk, args, target, ...(actor ? { actor } : {}) },
    deps.rules,
    deps.grants,
    deps.mode,
  );
  await record({
    kind: 'decision',
    parentSeq: call.seq,
    target,
    verdict: decision.verdict,
    ruleId: decision.ruleId,
    decidedBy: decision.decidedBy,
  });
  const decided = { target, verdict: decision.verdict, ruleId: decision.ruleId, decidedBy: decision.decidedBy };
  request.onDecision?.(decided);

  if (decision.verdict === 'deny') {
    return finish(
      'denied',
      `denied by policy (${decision.reason}); do not retry this call`,
      `denied by ${decision.decidedBy}`,
      decided,
    );
  }
  const timeouts = deps.timeoutMs ?? defaultTimeouts;
  let preflight: Preflight | undefined;
  if (tool.preflight) {
    const ran = await runPreflight(tool, args, timeouts.read, signal, (callSignal) => ({
      ...context(callSignal),
      target,
    }));
    if (ran.kind === 'aborted') return finish('aborted', `${tool.name} was cancelled`, 'aborted', decided);
    preflight = ran.preflight;
    const kept = preflightRecord(preflight);
    await record({
      kind: 'preflight',
      parentSeq: call.seq,
      target,
      preflight: kept,
      outcome: { status: kept.verdict === 'pass' ? 'ok' : 'failed', summary: preflightSummary(preflight) },
    });
    if (preflightVerdict(preflight) === 'fail')
      return finish('failed', preflightFailureText(tool.name, preflight), `preflight ${preflightSummary(preflight)}`, {
        ...decided,
        structured: { preflight: redactor.redact(kept) as Record<string, unknown> },
      });
  }

  if (decision.verdict === 'ask') {
    const answer = deps.approver
      ? await deps.approver.confirm(
          {
            tool: tool.name,
            title: tool.title,
            risk,
            args,
            target,
            confirm: decision.confirm,
            reason: decision.reason,
            ruleId: decision.ruleId,
            ...(preflight && preflight.preview.length > 0 ? { preview: preflight.preview } : {}),
          },
          signal,
        )
      : {
          approved: false,
          decidedBy: 'default',
          note: 'no one was there to confirm it (ask means deny without an approver)',
        };
    await record({
      kind: 'answer',
      parentSeq: call.seq,
      target,
      verdict: answer.approved ? 'allow' : 'deny',
      ruleId: decision.ruleId,
      decidedBy: answer.decidedBy,
      ...(answer.note
        ? { outcome: { status: answer.approved ? 'ok' : 'denied', summary: redactor.redactText(answer.note) } }
        : {}),
    });
    decided.decidedBy = answer.decidedBy;
    if (!answer.approved) {
      const note = answer.note ? `; note: ${answer.note}` : '';
      return finish(
        'denied',
        `not approved (${decision.reason}; decided by ${answer.decidedBy}${note}); ask the user before trying again`,
        `denied by ${answer.decidedBy}`,
        { ...decided, verdict: 'deny' },
      );
    }
    if (answer.grantForSession && decision.confirm === 'plain') {
      const grant = await record({
        kind: 'grant',
        parentSeq: call.seq,
        target,
        verdict: 'allow',
        decidedBy: answer.decidedBy,
      });
      deps.grants.add({ tool: tool.name, target, seq: grant.seq });
    }
  }

  const cacheKey =
    deps.cache && risk === 'read' && tool.cacheable !== false && decision.verdict === 'allow'
      ? readCacheKey(tool.name, args)
      : undefined;
  const hit = cacheKey && request.fresh !== true ? await deps.cache?.get(cacheKey) : undefined;
  if (hit)
    return finish('cached', hit.text, `${hit.summary} (cached)`, {
      ...decided,
      ...(hit.structured ? { structured: hit.structured } : {}),
    });
  if (risk !== 'read') {
    deps.turnReads?.clear();
    await deps.cache?.clear();
  }

  const limit = risk === 'read' ? timeouts.read : timeouts.write;
  const outcome = await runBounded(limit, signal, async (callSignal) => {
    if (decision.snapshotBefore !== false) {
      await takeSnapshotBefore({
        mode: decision.snapshotBefore,
        target,
        session: session.id,
        seq: call.seq,
        context: context(callSignal),
        record,
      });
    }
    return tool.run(args, { ...context(callSignal), target, ...(preflight ? { preflight } : {}) });
  });
  // A change may have moved, created or removed guests: later calls of the turn read afresh.
  if (risk !== 'read') deps.turnReads?.clear();
  switch (outcome.kind) {
    case 'done': {
      const structured = outcome.value.structured
        ? (redactor.redact(outcome.value.structured, { maxString: outputLimits.structuredString }) as Record<
            string,
            unknown
          >)
        : undefined;
      if (cacheKey && !outcome.value.failed) {
        await deps.cache?.set(cacheKey, {
          text: redactor.redactWithin(outcome.value.text, outputLimits.text),
          summary: redactor.redactWithin(outcome.value.summary, outputLimits.summary),
          ...(structured ? { structured } : {}),
        });
      }
      return finish(outcome.value.failed ? 'failed' : 'ok', outcome.value.text, outcome.value.summary, {
        ...decided,
        ...(structured ? { structured } : {}),
      });
    }
    case 'timeout':
      return finish(
        'timeout',
        `${tool.name} did not finish within ${Math.round(limit / 1000)} s and was stopped`,
        'timed out',
        decided,
      );
    case 'aborted':
      return finish('aborted', `${tool.name} was cancelled`, 'aborted', decided);
    case 'error':
      return finish('failed', outcome.message, outcome.message, decided);
  }
}
