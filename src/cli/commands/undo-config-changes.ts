import { readAuditRecords, type AuditPreflight } from '../../audit/index.js';
import type { CommandContext } from '../io.js';

/** A config change that went through, with the call that puts back what it replaced. */
export interface UndoableChange {
  /** `config-<seq>`: the audit seq of the change's call. */
  id: string;
  vmid: number;
  node: string;
  changedAt: string;
  /** What the change did, as its result summary says. */
  summary: string;
  restore: NonNullable<AuditPreflight['undo']>;
}

/**
 * The config changes of this profile that `undo` can restore: calls whose
 * preflight recorded a restoring call and whose result was ok, newest first.
 */
export async function recordedConfigChanges(ctx: CommandContext, profile: string): Promise<UndoableChange[]> {
  const restores = new Map<number, NonNullable<AuditPreflight['undo']>>();
  const changes: UndoableChange[] = [];
  for await (const record of readAuditRecords(ctx.paths.auditDir)) {
    if (record.profile !== profile || record.parentSeq === null) continue;
    if (record.kind === 'preflight' && record.preflight?.undo && record.preflight.verdict === 'pass') {
      restores.set(record.parentSeq, record.preflight.undo);
      continue;
    }
    const restore = restores.get(record.parentSeq);
    if (record.kind !== 'result' || !restore || record.tool !== restore.tool || record.outcome?.status !== 'ok')
      continue;
    const { vmid, node } = restore.args as { vmid?: unknown; node?: unknown };
    if (typeof vmid !== 'number' || typeof node !== 'string') continue;
    changes.push({
      id: `config-${record.parentSeq}`,
      vmid,
      node,
      changedAt: record.ts,
      summary: record.outcome.summary,
      restore,
    });
  }
  return changes.reverse();
}
