import crypto from 'node:crypto';
import os from 'node:os';
import { createRedactor, openAuditSink, type AuditOrigin, type AuditSink, type Redactor } from '../../audit/index.js';
import type { Approver } from '../../core/approver.js';
import type { ToolRegistry } from '../../core/registry.js';
import { callTool, type CallDeps, type ToolRequest } from '../../core/scheduler.js';
import { TurnReadMemo } from '../../core/turn-reads.js';
import { newSessionId, type SessionInfo } from '../../core/session.js';
import type { ToolOutcome } from '../../core/call-outcome.js';
import type { AnyTool } from '../../core/tool.js';
import { SessionGrants, type PolicyMode, type PolicyRule } from '../../policy/index.js';
import { FileReadCache } from '../../cache/file-read-cache.js';
import type { CommandContext } from '../io.js';
import { startAuditForwarding } from './audit-forwarding.js';
import type { ClusterConnection } from './open-cluster.js';
import { openPolicy } from './open-policy.js';
import { sessionRegistry } from './registry.js';

export interface ToolSessionOptions {
  origin: AuditOrigin;
  approver?: Approver;
  mcpClient?: string;
  /** The person whose MCP bearer token opened the session. */
  person?: string;
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
export async function openToolSession(
  ctx: CommandContext,
  cluster: ClusterConnection,
  options: ToolSessionOptions,
): Promise<ToolSession> {
  const redactor = createRedactor({ secrets: secretValues(cluster) });
  const forwarder = await startAuditForwarding(ctx.paths.auditDir, cluster.config);
  const audit = openAuditSink({
    dir: ctx.paths.auditDir,
    redactor,
    ...(forwarder ? { afterAppend: () => forwarder.nudge() } : {}),
  });
  const { rules, mode } = openPolicy(ctx, cluster.config);
  const registry = sessionRegistry(cluster.config, cluster.config.profiles?.[cluster.profile], options.extraTools);
  const session: SessionInfo = {
    id: newSessionId((size) => crypto.randomBytes(size)),
    origin: options.origin,
    actor: {
      osUser: os.userInfo().username,
      pveIdentity: cluster.api.identity,
      mcpClient: options.mcpClient ?? null,
      person: options.person ?? null,
    },
    profile: cluster.profile,
    cluster: cluster.cluster,
  };
  const grants = new SessionGrants();
  const ai = cluster.config.ai;
  const cache =
    ai?.cacheEnabled === false
      ? undefined
      : new FileReadCache(
          ctx.paths.cacheDir,
          `${cluster.profile}@${cluster.client.url}`,
          (ai?.cacheTtlSeconds ?? 15) * 1000,
        );
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
    turnReads: new TurnReadMemo(),
    guestIdsNamed: async (name, signal) =>
      (await cluster.api.cluster.guests({ signal })).filter((guest) => guest.name === name).map((guest) => guest.vmid),
    context: {
      ...(await sessionAdapters(ctx, cluster, registry)),
      proxmox: cluster.api,
      profile: cluster.profile,
      ...(cluster.cluster ? { cluster: cluster.cluster } : {}),
      ...(cluster.defaultNode ? { defaultNode: cluster.defaultNode } : {}),
      now: cluster.now,
    },
  };
  const stamp = {
    session: session.id,
    origin: session.origin,
    actor: session.actor,
    profile: session.profile,
    cluster: session.cluster,
    parentSeq: null,
  };
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

/**
 * Every secret the user stored (secrets.json, the session's own token, the
 * env and headers of configured MCP servers), so redaction hides it verbatim.
 */
function secretValues(cluster: ClusterConnection): string[] {
  const stored = Object.values(cluster.secrets.profiles ?? {}).flatMap((entry) => Object.values(entry ?? {}));
  const servers = Object.values(cluster.config.mcp?.servers ?? {}).flatMap((server) => [
    ...Object.values(('env' in server ? server.env : undefined) ?? {}),
    ...Object.values(('headers' in server ? server.headers : undefined) ?? {}),
  ]);
  const own = [cluster.resolved.tokenSecret, cluster.resolved.password];
  return [...stored, ...servers, ...own].filter(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
}

/** Terraform/Ansible and SSH adapters, only for the tools that are registered; never SSH into a simulator. */
async function sessionAdapters(
  ctx: CommandContext,
  cluster: ClusterConnection,
  registry: ToolRegistry,
): Promise<Partial<CallDeps['context']>> {
  const needsIac = registry.get('plan_terraform') ?? registry.get('run_playbook');
  const needsShell = registry.get('read_node_log') && !cluster.embedded;
  const iacConfig = cluster.config.iac ?? {};
  const iac = needsIac
    ? (await import('../../iac/index.js')).createIacAdapters({
        paths: ctx.paths,
        config: cluster.config,
        profile: cluster.resolved,
        env: ctx.io.env,
        generateInventory: !cluster.embedded,
        ...(iacConfig.inventory ? { inventoryFile: iacConfig.inventory } : {}),
        ...(iacConfig.knownHostsFile ? { knownHostsFile: iacConfig.knownHostsFile } : {}),
      })
    : undefined;
  const ssh = needsShell ? await import('../../ssh/index.js') : undefined;
  const nodeShell = ssh?.createSshAdapter({
    profile: cluster.resolved,
    env: ctx.io.env,
    resolveAddress: ssh.clusterNodeAddress(cluster.api),
    ...(iacConfig.knownHostsFile ? { knownHostsFile: iacConfig.knownHostsFile } : {}),
  });
  return { ...(iac ? { iac } : {}), ...(nodeShell ? { nodeShell } : {}) };
}
