import { readAuditRecords } from '../../audit/index.js';
import { UsageError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';
import type { ProxmoxApi } from '../../core/ports/proxmox-api.js';
import { printJson, printLine, type CommandContext } from '../io.js';
import { exitCodeOf } from '../session/exit-code-of.js';
import { openCluster } from '../session/open-cluster.js';
import { openToolSession } from '../session/open-tool-session.js';
import { TerminalApprover } from '../session/terminal-approver.js';

interface UndoSnapshot {
  name: string;
  vmid: number;
  node: string;
  takenAt: string;
  profile: string | null;
}

/** `undo`: the undo snapshots (from the audit trail) that still exist; `undo NAME`: roll back through the scheduler. */
export async function undo(
  ctx: CommandContext,
  snapshot: string | undefined,
  options: { json?: boolean },
): Promise<number> {
  const cluster = await openCluster(ctx);
  try {
    const available = await existing(cluster.api, await recorded(ctx, cluster.profile));
    if (!snapshot) {
      if (options.json) printJson(ctx.io.stdout, { snapshots: available });
      else if (available.length === 0)
        printLine(ctx.io.stderr, 'no undo snapshots: they are taken when a policy rule sets snapshotBefore');
      else
        for (const s of available) printLine(ctx.io.stdout, `${s.name}  VM ${s.vmid} on ${s.node}  taken ${s.takenAt}`);
      return ExitCode.ok;
    }
    const chosen = available.find((s) => s.name === snapshot);
    if (!chosen)
      throw new UsageError(
        `no undo snapshot '${snapshot}' on profile ${cluster.profile}; 'proxmox-ai undo' lists them`,
      );
    const session = await openToolSession(ctx, cluster, { origin: 'cli', approver: new TerminalApprover(ctx.io) });
    const outcome = await session.call({
      tool: 'rollback_snapshot',
      args: { vmid: chosen.vmid, node: chosen.node, name: chosen.name },
    });
    await session.end(`undo ${chosen.name}: ${outcome.status}`);
    if (options.json) printJson(ctx.io.stdout, { snapshot: chosen, status: outcome.status, summary: outcome.summary });
    else printLine(outcome.status === 'ok' ? ctx.io.stdout : ctx.io.stderr, outcome.text);
    return exitCodeOf([outcome]);
  } finally {
    await cluster.close();
  }
}

async function recorded(ctx: CommandContext, profile: string): Promise<UndoSnapshot[]> {
  const found: UndoSnapshot[] = [];
  for await (const record of readAuditRecords(ctx.paths.auditDir)) {
    if (
      record.origin !== 'internal' ||
      record.tool !== 'snapshot_vm' ||
      record.outcome?.status !== 'ok' ||
      record.profile !== profile
    )
      continue;
    const args = record.args as { vmid?: number; node?: string; name?: string };
    if (args.vmid && args.node && args.name)
      found.push({ name: args.name, vmid: args.vmid, node: args.node, takenAt: record.ts, profile: record.profile });
  }
  return found;
}

/** Only snapshots that are still on the cluster can be rolled back to. */
async function existing(api: ProxmoxApi, candidates: UndoSnapshot[]): Promise<UndoSnapshot[]> {
  const guests = await api.cluster.guests();
  const kept: UndoSnapshot[] = [];
  for (const candidate of candidates) {
    const guest = guests.find((g) => g.vmid === candidate.vmid && g.node === candidate.node);
    if (!guest) continue;
    const snapshots = await api.guests.snapshots(guest);
    if (snapshots.some((s) => s.name === candidate.name)) kept.push(candidate);
  }
  return kept;
}
