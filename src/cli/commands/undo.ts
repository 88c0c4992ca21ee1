import { readAuditRecords } from '../../audit/index.js';
import { UsageError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';
import type { ProxmoxApi } from '../../core/ports/proxmox-api.js';
import { printJson, printLine, type CommandContext } from '../io.js';
import { exitCodeOf } from '../session/exit-code-of.js';
import { openCluster } from '../session/open-cluster.js';
import { openToolSession } from '../session/open-tool-session.js';
import { TerminalApprover } from '../session/terminal-approver.js';
import { recordedConfigChanges, type UndoableChange } from './undo-config-changes.js';

interface UndoSnapshot {
  name: string;
  vmid: number;
  node: string;
  takenAt: string;
  profile: string | null;
}

/**
 * `undo`: the undo snapshots (from the audit trail) that still exist and the
 * config changes that can be put back; `undo NAME` rolls back to a snapshot,
 * `undo config-SEQ` restores the values a change replaced, each as a call
 * through the scheduler (previewed, confirmed, audited).
 */
export async function undo(
  ctx: CommandContext,
  which: string | undefined,
  options: { json?: boolean },
): Promise<number> {
  const cluster = await openCluster(ctx);
  try {
    const available = await existing(cluster.api, await recorded(ctx, cluster.profile));
    const changes = await recordedConfigChanges(ctx, cluster.profile);
    if (!which) {
      if (options.json) printJson(ctx.io.stdout, { snapshots: available, configChanges: changes });
      else printChoices(ctx, available, changes);
      return ExitCode.ok;
    }
    const snapshot = available.find((s) => s.name === which);
    const change = changes.find((c) => c.id === which);
    if (!snapshot && !change)
      throw new UsageError(
        `no undo snapshot or config change '${which}' on profile ${cluster.profile}; 'proxmox-ai undo' lists them`,
      );
    const request = snapshot
      ? { tool: 'rollback_snapshot', args: { vmid: snapshot.vmid, node: snapshot.node, name: snapshot.name } }
      : change!.restore;
    const session = await openToolSession(ctx, cluster, { origin: 'cli', approver: new TerminalApprover(ctx.io) });
    const outcome = await session.call(request);
    await session.end(`undo ${which}: ${outcome.status}`);
    if (options.json)
      printJson(ctx.io.stdout, {
        ...(snapshot ? { snapshot } : { configChange: change }),
        status: outcome.status,
        summary: outcome.summary,
      });
    else printLine(outcome.status === 'ok' ? ctx.io.stdout : ctx.io.stderr, outcome.text);
    return exitCodeOf([outcome]);
  } finally {
    await cluster.close();
  }
}

function printChoices(ctx: CommandContext, snapshots: UndoSnapshot[], changes: UndoableChange[]): void {
  if (snapshots.length === 0 && changes.length === 0) {
    printLine(
      ctx.io.stderr,
      'nothing to undo: snapshots are taken when a policy rule sets snapshotBefore; config changes are listed once made',
    );
    return;
  }
  for (const s of snapshots) printLine(ctx.io.stdout, `${s.name}  VM ${s.vmid} on ${s.node}  taken ${s.takenAt}`);
  for (const c of changes)
    printLine(ctx.io.stdout, `${c.id}  VM ${c.vmid} on ${c.node}  changed ${c.changedAt}: ${c.summary}`);
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
