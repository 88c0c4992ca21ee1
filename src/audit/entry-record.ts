import { auditRecordSchema } from './record-schema.js';
import { sealRecord, type UnsealedRecord } from './record.js';
import type { Redactor } from './redact.js';
import type { AuditEntry, AuditPreflight, AuditRecord, AuditTarget } from './types.js';
import { AuditWriteError } from './audit-write-error.js';

/** Where the new record goes in the chain. */
export interface Placement {
  seq: number;
  ts: string;
  prevHash: string;
}

/**
 * Turns a caller's entry into the line to write. Every text that may carry
 * outside data (tool name, arguments, target, decision, outcome summary, MCP
 * client name) passes the redactor first; absent fields become null.
 */
export function recordFromEntry(
  entry: AuditEntry,
  at: Placement,
  redactor: Redactor,
): { record: AuditRecord; line: string } {
  const text = (value: string | null | undefined) =>
    value === null || value === undefined ? null : redactor.redactText(value);
  const unsealed: UnsealedRecord = {
    seq: at.seq,
    ts: at.ts,
    session: entry.session,
    parentSeq: entry.parentSeq ?? null,
    origin: entry.origin,
    actor: {
      osUser: entry.actor.osUser,
      pveIdentity: entry.actor.pveIdentity ?? null,
      mcpClient: text(entry.actor.mcpClient),
      person: entry.actor.person ?? null,
    },
    profile: entry.profile ?? null,
    cluster: entry.cluster ?? null,
    kind: entry.kind,
    tool: text(entry.tool),
    args: entry.args === undefined ? null : (redactor.redact(entry.args) ?? null),
    target: entry.target ? (redactor.redact(entry.target) as AuditTarget) : null,
    verdict: entry.verdict ?? null,
    ruleId: text(entry.ruleId),
    decidedBy: text(entry.decidedBy),
    outcome: entry.outcome
      ? { status: entry.outcome.status, summary: redactor.redactText(entry.outcome.summary) }
      : null,
    ...(entry.preflight ? { preflight: redactor.redact(entry.preflight) as AuditPreflight } : {}),
    prevHash: at.prevHash,
  };
  const sealed = sealRecord(unsealed);
  // Safety: a record our own verify would reject is never written.
  const checked = auditRecordSchema.safeParse(JSON.parse(sealed.line));
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AuditWriteError(
      `audit entry is invalid at ${issue?.path.join('.') || 'record'}: ${issue?.message}; the call was stopped`,
      'audit.invalid-entry',
    );
  }
  return sealed;
}
