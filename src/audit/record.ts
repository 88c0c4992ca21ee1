import { createHash } from 'node:crypto';
import { auditRecordSchema } from './record-schema.js';
import type { AuditRecord } from './types.js';

/** The `prevHash` of the first record ever written. */
export const genesisHash = '0'.repeat(64);

/** Key order of a written record (docs/architecture.md, "Audit trail"); `hash` always comes last. */
const bodyKeys = [
  'seq',
  'ts',
  'session',
  'parentSeq',
  'origin',
  'actor',
  'profile',
  'cluster',
  'kind',
  'tool',
  'args',
  'target',
  'verdict',
  'ruleId',
  'decidedBy',
  'outcome',
  'preflight',
  'prevHash',
] as const;

/** Keys written only when the entry has them (added after the first trails were written). */
const presentOnly = new Set<string>(['preflight']);

export type UnsealedRecord = Omit<AuditRecord, 'hash'>;

/** sha256 in hex; text is hashed as UTF-8. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The line to write for a record and its hash. The hash covers the record
 * serialised exactly as written, without the `hash` key, so the line is
 * `body` with `,"hash":"<hex>"` spliced in before the closing brace.
 */
export function sealRecord(unsealed: UnsealedRecord): { record: AuditRecord; line: string } {
  const ordered: Record<string, unknown> = {};
  for (const key of bodyKeys) {
    if (presentOnly.has(key) && unsealed[key] === undefined) continue;
    ordered[key] = unsealed[key] ?? null;
  }
  const body = JSON.stringify(ordered);
  const hash = sha256Hex(body);
  return { record: { ...unsealed, hash }, line: `${body.slice(0, -1)},"hash":"${hash}"}\n` };
}

export type ParsedLine =
  | { status: 'valid'; record: AuditRecord }
  | { status: 'malformed'; reason: string }
  | { status: 'hash-mismatch'; record: AuditRecord };

const sealedTail = /,"hash":"([0-9a-f]{64})"\}$/;

/** Reads one line (without its newline) back: well-formed, and its hash matches its bytes. */
export function parseRecordLine(text: string): ParsedLine {
  const tail = sealedTail.exec(text);
  if (!tail) return { status: 'malformed', reason: 'the line does not end with a hash' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { status: 'malformed', reason: 'the line is not valid JSON' };
  }
  const parsed = auditRecordSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: 'malformed', reason: `${issue?.path.join('.') || 'record'}: ${issue?.message}` };
  }
  const body = `${text.slice(0, tail.index)}}`;
  return sha256Hex(body) === tail[1]
    ? { status: 'valid', record: parsed.data }
    : { status: 'hash-mismatch', record: parsed.data };
}
