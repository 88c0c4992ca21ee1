import { UsageError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';
import { guestLabel } from '../../core/target-label.js';
import { riskOf, type Target } from '../../core/tool.js';
import { validateArgs } from '../../core/validate-args.js';
import { decide, explainExternalTool, isExternalToolName, noGrants, type PolicyDecision } from '../../policy/index.js';
import { printJson, printLine, type CommandContext } from '../io.js';
import { openCluster } from '../session/open-cluster.js';
import { openPolicy } from '../session/open-policy.js';
import { ToolRegistry } from '../../core/registry.js';
import { allTools } from '../../../tools/index.js';
import { personNamePattern } from '../../../mcp/http/person-tokens.js';

/**
 * `policy explain TOOL ARGS_JSON [--actor NAME]`: resolves the target on the
 * cluster (or the demo) and shows which rule decides, the verdict, the
 * confirmation and why; with --actor, for a call made with NAME's MCP token.
 * Nothing is executed, so nothing is audited.
 */
export async function policyExplain(
  ctx: CommandContext,
  tool: string,
  argsJson: string,
  options: { json?: boolean; actor?: string },
): Promise<number> {
  const args = parseArgsJson(argsJson);
  const actor = options.actor;
  if (actor !== undefined && !personNamePattern.test(actor))
    throw new UsageError(`--actor takes an MCP token name such as alice or ci-runner, not '${actor}'`);
  const byActor = actor === undefined ? {} : { actor };
  const registry = new ToolRegistry(allTools);
  const definition = registry.get(tool);
  if (!definition && !isExternalToolName(tool)) {
    throw new UsageError(`'${tool}' is not a tool; valid tools: ${registry.names().join(', ')}`);
  }
  const cluster = await openCluster(ctx);
  try {
    const { rules, mode } = openPolicy(ctx, cluster.config);
    let decision: PolicyDecision;
    let target: Target = { profile: cluster.profile };
    if (!definition) {
      decision = explainExternalTool({ tool, args, target, ...byActor }, rules, mode);
    } else {
      const validation = validateArgs(tool, definition.input, args);
      if (!validation.ok) throw new UsageError(validation.message);
      const context = {
        proxmox: cluster.api,
        profile: cluster.profile,
        ...(cluster.cluster ? { cluster: cluster.cluster } : {}),
        signal: AbortSignal.timeout(30_000),
        progress: () => undefined,
        now: () => new Date(),
      };
      target = await definition.target(validation.args, context);
      decision = decide(
        {
          tool,
          risk: riskOf(definition, validation.args),
          args: validation.args as Record<string, unknown>,
          target,
          ...byActor,
        },
        rules,
        noGrants,
        mode,
      );
    }
    const report = {
      tool,
      args,
      target,
      actor: actor ?? null,
      verdict: decision.verdict,
      ruleId: decision.ruleId,
      confirm: decision.confirm,
      snapshotBefore: decision.snapshotBefore,
      reason: decision.reason,
    };
    if (options.json) printJson(ctx.io.stdout, report);
    else {
      printLine(ctx.io.stdout, `${tool} on ${describeTarget(target)}${actor === undefined ? '' : ` by ${actor}`}`);
      printLine(
        ctx.io.stdout,
        `verdict: ${decision.verdict}${decision.verdict === 'ask' ? ` (${decision.confirm} confirmation)` : ''}`,
      );
      printLine(ctx.io.stdout, `rule:    ${decision.ruleId}`);
      if (decision.snapshotBefore)
        printLine(
          ctx.io.stdout,
          `undo:    snapshot before (${decision.snapshotBefore === true ? 'required' : 'best effort'})`,
        );
      printLine(ctx.io.stdout, `why:     ${decision.reason}`);
    }
    return ExitCode.ok;
  } finally {
    await cluster.close();
  }
}

function parseArgsJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new UsageError(`ARGS_JSON must be a JSON object such as '{"vmid":100}'; got ${text}`);
}

function describeTarget(target: Target): string {
  const parts = [
    `profile ${target.profile}`,
    target.node ? `node ${target.node}` : undefined,
    target.vmid !== undefined ? guestLabel(target) : undefined,
    target.tags?.length ? `tags ${target.tags.join(',')}` : undefined,
  ];
  return parts.filter(Boolean).join(', ');
}
