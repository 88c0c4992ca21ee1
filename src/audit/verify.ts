import { classifyDamage } from './classify-damage.js';
import { chainsTo, type AuditDamage, type ChainPoint } from './damage.js';
import type { HeadState } from './head.js';
import { genesisHash } from './record.js';
import { snapshotTrail } from './snapshot.js';
import { readTrailLines, type TrailLine } from './trail-lines.js';

export interface VerifySummary {
  records: number;
  sessions: number;
  /** `ts` of the first and last record; null when there are none. */
  first: string | null;
  last: string | null;
}

export type VerifyReport = ({ ok: true } & VerifySummary) | { ok: false; records: number; damage: AuditDamage };

/**
 * Recomputes the whole trail: every line's hash over its bytes, every link,
 * contiguous seq from 1, and the end against audit/HEAD. Reports the first
 * bad record, or a summary. A missing or empty trail verifies with 0 records.
 */
export async function verifyAudit(dir: string): Promise<VerifyReport> {
  const { files, head } = await snapshotTrail(dir);
  const lines = readTrailLines(dir, files);
  try {
    return await verifyLines(
      lines,
      head,
      files.map((file) => file.name),
    );
  } finally {
    await lines.return(undefined);
  }
}

async function verifyLines(
  lines: AsyncGenerator<TrailLine>,
  head: HeadState,
  files: readonly string[],
): Promise<VerifyReport> {
  const headHash = head.status === 'present' ? head.head.hash : null;
  const sessions = new Set<string>();
  let previous: ChainPoint = { seq: 0, hash: genesisHash, file: null, line: 0 };
  let first: string | null = null;
  let hashAtHeadSeq: string | null = null;
  let lastTs: string | null = null;
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const current = next.value;
    const record = current.parsed?.status === 'valid' ? current.parsed.record : null;
    if (!record || !chainsTo(previous, record)) {
      return {
        ok: false,
        records: previous.seq,
        damage: await classifyDamage({ previous, current, rest: lines, headHash }),
      };
    }
    previous = { seq: record.seq, hash: record.hash, file: current.file, line: current.line };
    sessions.add(record.session);
    first ??= record.ts;
    lastTs = record.ts;
    if (head.status === 'present' && record.seq === head.head.seq) hashAtHeadSeq = record.hash;
  }
  const damage = checkHead(head, previous, hashAtHeadSeq, files);
  if (damage) return { ok: false, records: previous.seq, damage };
  return { ok: true, records: previous.seq, sessions: sessions.size, first, last: lastTs };
}

/**
 * HEAD may lag behind the files (a writer stopped between fsync and moving
 * HEAD) but never be ahead of them or disagree about a record.
 */
function checkHead(
  head: HeadState,
  end: ChainPoint,
  hashAtHeadSeq: string | null,
  files: readonly string[],
): AuditDamage | null {
  const onHead = (kind: AuditDamage['kind'], message: string): AuditDamage => ({
    kind,
    file: 'HEAD',
    line: null,
    seq: null,
    message,
  });
  if (head.status === 'unreadable') return onHead('bad-head', `audit/HEAD is unreadable (${head.reason})`);
  if (head.status === 'missing') {
    // Only the very first append can stop between writing its record and creating HEAD.
    return end.seq > 1 ? onHead('bad-head', 'audit/HEAD is missing, so a cut tail could not be detected') : null;
  }
  const { seq, hash, file } = head.head;
  if (seq > end.seq) {
    const missing = `seq ${end.seq + 1}${seq > end.seq + 1 ? ` to ${seq}` : ''}`;
    if (!files.includes(file)) {
      return {
        kind: 'missing-day-file',
        file,
        line: null,
        seq: end.seq + 1,
        message: `${file} is missing: audit/HEAD records ${missing} in it`,
      };
    }
    const where = end.file ?? file;
    return {
      kind: 'truncated',
      file: where,
      line: end.file ? end.line + 1 : 1,
      seq: end.seq + 1,
      message: `the trail ends at seq ${end.seq} but audit/HEAD records seq ${seq}: ${missing} cut from the end`,
    };
  }
  if (hashAtHeadSeq !== hash)
    return { ...onHead('edited', `the record with seq ${seq} is not the one audit/HEAD records`), seq };
  return null;
}
