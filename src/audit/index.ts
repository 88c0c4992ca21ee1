/** The local audit trail (design.md §6): hash-chained JSONL sink, verify, reading and redaction. */
export type {
  AuditActor,
  AuditEntry,
  AuditKind,
  AuditOrigin,
  AuditOutcome,
  AuditOutcomeStatus,
  AuditRecord,
  AuditSink,
  AuditTarget,
  AuditVerdict,
} from './types.js';
export { openAuditSink, type AuditSinkOptions } from './sink.js';
export { AuditWriteError } from './audit-write-error.js';
export { AuditVerifyError } from './audit-verify-error.js';
export { verifyAudit, type VerifyReport, type VerifySummary } from './verify.js';
export { describeDamage, type AuditDamage, type DamageKind } from './damage.js';
export { readAuditRecords, readStoredRecords, type AuditFilter, type StoredRecord } from './read.js';
export { createRedactor, type RedactionKind, type Redactor, type RedactorOptions } from './redact.js';
export { genesisHash } from './record.js';
export { parseSince } from './since.js';
export { auditRows, formatAuditTable, type AuditRow } from './table.js';
