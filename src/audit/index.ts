/**
 * The local audit trail (docs/architecture.md, "Audit trail"): hash-chained JSONL sink, verify,
 * reading and redaction. On disk, in the audit directory (0700):
 * - `YYYY-MM-DD.jsonl` (0600), one per UTC day: one record per line, every
 *   key of a record in one fixed order, absent fields as null. `hash` is
 *   the sha256 hex of the line as written minus its trailing `,"hash":"…"`
 *   member; `prevHash` is the previous record's hash (64 zeros first).
 * - `HEAD` (0600): `{"seq","hash","file"}` of the last acknowledged record,
 *   replaced atomically after the record is fsynced.
 * - `LOCK`: proper-lockfile's lock directory while an append runs.
 * A line cut short by a crash is removed by the next append, which first
 * writes an `origin: "internal"` record saying so (see append.ts).
 */
export type {
  AuditActor,
  AuditEntry,
  AuditKind,
  AuditOrigin,
  AuditOutcome,
  AuditOutcomeStatus,
  AuditPreflight,
  AuditRecord,
  AuditSink,
  AuditTarget,
  AuditVerdict,
} from './types.js';
export { openAuditSink, type AuditSinkOptions } from './sink.js';
export { AuditWriteError } from './audit-write-error.js';
export {
  AuditVerifyError,
  describeDamage,
  verifyAudit,
  verifyCopy,
  type AuditDamage,
  type DamageKind,
  type VerifyReport,
  type VerifySummary,
} from './verify.js';
export { readAuditRecords, readStoredRecords, type AuditFilter, type StoredRecord } from './read.js';
export { createRedactor, type CutLimits, type RedactionKind, type Redactor, type RedactorOptions } from './redact.js';
export { genesisHash } from './record.js';
export { parseSince } from './since.js';
export { auditRows, formatAuditTable, type AuditRow } from './table.js';
