/** What `audit verify` can find wrong with the trail. */
export type DamageKind =
  'edited' | 'removed' | 'reordered' | 'inserted' | 'truncated' | 'missing-day-file' | 'bad-head';

/** The first bad record: where it is, its seq when known, and what is wrong. */
export interface AuditDamage {
  kind: DamageKind;
  /** A day file name, or "HEAD". */
  file: string;
  /** 1-based line in `file`; null when the damage is not on a line (a missing file, HEAD). */
  line: number | null;
  seq: number | null;
  message: string;
}

/** A verified record the chain continues from; seq 0 with the genesis hash before the first. */
export interface ChainPoint {
  seq: number;
  hash: string;
  file: string | null;
  line: number;
}

export function chainsTo(previous: { seq: number; hash: string }, record: { seq: number; prevHash: string }): boolean {
  return record.seq === previous.seq + 1 && record.prevHash === previous.hash;
}

/** "edited at 2026-11-23.jsonl:17 (seq 42): its hash does not match its content" */
export function describeDamage(damage: AuditDamage): string {
  const where = damage.line === null ? damage.file : `${damage.file}:${damage.line}`;
  return `${damage.kind} at ${where}${damage.seq === null ? '' : ` (seq ${damage.seq})`}: ${damage.message}`;
}
