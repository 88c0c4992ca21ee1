import crypto from 'node:crypto';
import os from 'node:os';
import { createRedactor, openAuditSink, type AuditOrigin, type AuditSink, type Redactor } from '../../audit/index.js';
import type { Approver } from '../../core/approver.js';
import type { ToolRegistry } from '../../core/registry.js';
import { callTool, type CallDeps, type ToolRequest } from '../../core/scheduler.js';
import { newSessionId, type SessionInfo } from '../../core/session.js';
import type { ToolOutcome } from '../../core/call-outcome.js';
import type { AnyTool } from '../../core/tool.js';
import { SessionGrants, type PolicyMode, type PolicyRule } from '../../policy/index.js';
import { FileReadCache } from '../../cache/file-read-cache.js';
import type { CommandContext } from '../io.js';
import type { ClusterConnection } from './open-cluster.js';
import { openPolicy } from './open-policy.js';
import { builtInRegistry } from './registry.js';

export interface ToolSessionOptions {
  origin: AuditOrigin;
  approver?: Approver;
  mcpClient?: string;
  /** Extra tools (e.g. external MCP servers'); the built-in Proxmox tools are always there. */
  extraTools?: AnyTool[];
}

/** Everything one session's calls share; `call` is the scheduler bound to it. */
export interface ToolSession {
  session: SessionInfo;
  registry: ToolRegistry;
  rules: readonly PolicyRule[];
  mode: PolicyMode;
  grants: SessionGrants;
  audit: AuditSink;
  redactor: Redactor;
  deps: CallDeps;
  call(request: ToolRequest): Promise<ToolOutcome>;
  end(summary: string): Promise<void>;
}

/** Wires registry, policy, audit and the cluster into the scheduler's dependencies, and records the session start. */
export async function openToolSession(ctx: CommandContext, cluster: ClusterConnection, options: ToolSessionOptions): Promise<ToolSession> {
  const redactor = createRedactor({ secrets: secretValues(cluster) });
  const audit = openAuditSink({ dir: ctx.paths.auditDir, redactor });
  const { rules, mode } = openPolicy(ctx, cluster.config);
  const registry = builtInRegistry(options.extraTools);
  const session: SessionInfo = {
    id: newSessionId((size) => crypto.randomBytes(size)),
    origin: options.origin,
    actor: { osUser: os.userInfo().username, pveIdentity: cluster.api.identity, mcpClient: options.mcpClient ?? null },
    profile: cluster.profile,
    cluster: cluster.cluster,
  };
  const grants = new SessionGrants();
  const ai = cluster.config.ai;
  const cache = ai?.cacheEnabled === false ? undefined : new FileReadCache(ctx.paths.cacheDir, `${cluster.profile}@${cluster.client.url}`, (ai?.cacheTtlSeconds ?? 15) * 1000);
  const deps: CallDeps = {
    registry,
    audit,
    redactor,
    rules,
    mode,
    grants,
    session,
    ...(options.approver ? { approver: options.approver } : {}),
    ...(cache ? { cache } : {}),
    context: {
      proxmox: cluster.api,
      profile: cluster.profile,
      ...(cluster.cluster ? { cluster: cluster.cluster } : {}),
      ...(cluster.defaultNode ? { defaultNode: cluster.defaultNode } : {}),
      now: () => new Date(),
    },
  };
  const stamp = { session: session.id, origin: session.origin, actor: session.actor, profile: session.profile, cluster: session.cluster, parentSeq: null };
  await audit.append({ ...stamp, kind: 'session-start' });
  return {
    session,
    registry,
    rules,
    mode,
    grants,
    audit,
    redactor,
    deps,
    call: (request) => callTool(request, deps),
    end: async (summary) => {
      await audit.append({ ...stamp, kind: 'session-end', outcome: { status: 'ok', summary } });
    },
  };
}

/** Every secret the user stored, so redaction can hide it verbatim wherever it shows up. */
function secretValues(cluster: ClusterConnection): string[] {
  const stored = Object.values(cluster.secrets.profiles ?? {}).flatMap((entry) => Object.values(entry ?? {}));
  return stored.filter((value): value is string => typeof value === 'string');
}
