/**
 * `audit verify`: recomputes the chain, and when it breaks, names the first
 * bad record and the kind of damage (edited, removed, reordered, inserted,
 * truncated, a missing day file, a bad HEAD).
 */

import path from 'node:path';
import { AppError } from '../shared/errors.js';
import { ExitCode } from '../shared/exit-codes.js';
import { dayOfFile } from './day-files.js';
import type { HeadState } from './head.js';
import { genesisHash } from './record.js';
import { snapshotTrail } from './snapshot.js';
import { readTrailLines, type TrailLine } from './trail-lines.js';
import type { AuditRecord } from './types.js';

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
interface ChainPoint {
  seq: number;
  hash: string;
  file: string | null;
  line: number;
}

function chainsTo(previous: { seq: number; hash: string }, record: { seq: number; prevHash: string }): boolean {
  return record.seq === previous.seq + 1 && record.prevHash === previous.hash;
}

/** "edited at 2026-11-23.jsonl:17 (seq 42): its hash does not match its content" */
export function describeDamage(damage: AuditDamage): string {
  const where = damage.line === null ? damage.file : `${damage.file}:${damage.line}`;
  return `${damage.kind} at ${where}${damage.seq === null ? '' : ` (seq ${damage.seq})`}: ${damage.message}`;
}

/** `audit verify` found damage; the message names the first bad record and the kind of damage. */
export class AuditVerifyError extends AppError {
  constructor(message: string) {
    super('audit.damaged', message, ExitCode.auditVerifyFailed);
    this.name = 'AuditVerifyError';
  }
}

export interface VerifySummary {
  records: number;
  sessions: number;
  /** `ts` of the first and last record; null when there are none. */
  first: string | null;
  last: string | null;
  /** The last record's hash (64 zeros when there is none): two trails with equal `records` and `lastHash` hold the same records. */
  lastHash: string;
  /** A copy only: records it held more than once (sent again after an outage), each identical to its first copy. */
  repeats?: number;
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

/**
 * A receiver's copy of the trail (`audit verify --file`): one JSON Lines
 * file in seq order, without HEAD. Forwarding delivers at least once, so a
 * record that comes again, byte for byte as before, is skipped; everything
 * else is judged as in the trail itself.
 */
export async function verifyCopy(file: string): Promise<VerifyReport> {
  const lines = readTrailLines(path.dirname(file), [{ name: path.basename(file) }]);
  try {
    return await verifyLines(lines, null, []);
  } finally {
    await lines.return(undefined);
  }
}

/** How many recent records a copy may repeat: resends start at most a few seconds back. */
const repeatWindow = 100_000;

/** `head` null: a copy, which has no HEAD and may repeat records. */
async function verifyLines(
  lines: AsyncGenerator<TrailLine>,
  head: HeadState | null,
  files: readonly string[],
): Promise<VerifyReport> {
  const headHash = head?.status === 'present' ? head.head.hash : null;
  const recent = head === null ? new Map<number, string>() : null;
  let repeats = 0;
  const sessions = new Set<string>();
  let previous: ChainPoint = { seq: 0, hash: genesisHash, file: null, line: 0 };
  let first: string | null = null;
  let hashAtHeadSeq: string | null = null;
  let lastTs: string | null = null;
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const current = next.value;
    const record = current.parsed?.status === 'valid' ? current.parsed.record : null;
    if (record && recent && record.seq <= previous.seq && recent.get(record.seq) === record.hash) {
      repeats += 1;
      continue;
    }
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
    if (head?.status === 'present' && record.seq === head.head.seq) hashAtHeadSeq = record.hash;
    if (recent) {
      recent.set(record.seq, record.hash);
      if (recent.size > repeatWindow) recent.delete(record.seq - repeatWindow);
    }
  }
  const damage = head === null ? null : checkHead(head, previous, hashAtHeadSeq, files);
  if (damage) return { ok: false, records: previous.seq, damage };
  const summary = { records: previous.seq, sessions: sessions.size, first, last: lastTs, lastHash: previous.hash };
  return { ok: true, ...summary, ...(recent ? { repeats } : {}) };
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

interface DamageScene {
  /** The last record that verified. */
  previous: ChainPoint;
  /** The first line that does not continue the chain from `previous`. */
  current: TrailLine;
  /** The lines after `current`; read as far as needed to tell the kinds apart. */
  rest: AsyncIterator<TrailLine>;
  /** The hash audit/HEAD records, if any: the last record is referenced by it. */
  headHash: string | null;
}

const dayMs = 86_400_000;

/** Names the kind of damage at the first line that breaks the chain. */
async function classifyDamage(scene: DamageScene): Promise<AuditDamage> {
  const { previous, current } = scene;
  const at = (kind: DamageKind, seq: number | null, message: string): AuditDamage => ({
    kind,
    file: current.file,
    line: current.line,
    seq,
    message,
  });
  if (!current.terminated || !current.parsed)
    return at('truncated', null, 'the line is cut short: a write was interrupted, or the end of the file was cut');
  const parsed = current.parsed;
  const seq = parsed.status === 'malformed' ? null : parsed.record.seq;
  const next = await scene.rest.next();
  const following = next.done ? null : next.value;
  const followingRecord = following?.parsed?.status === 'valid' ? following.parsed.record : null;
  if (!following && scene.headHash === previous.hash) {
    return at('inserted', seq, `this line comes after seq ${previous.seq}, the last record audit/HEAD records`);
  }
  if (parsed.status !== 'valid') {
    if (followingRecord && chainsTo(previous, followingRecord))
      return at(
        'inserted',
        null,
        `this line is not part of the chain: the next record continues from seq ${previous.seq}`,
      );
    return at('edited', seq, parsed.status === 'malformed' ? parsed.reason : 'its hash does not match its content');
  }
  const record = parsed.record;
  if (record.seq <= previous.seq)
    return at('inserted', record.seq, `seq ${record.seq} appears again after seq ${previous.seq}`);
  if (record.seq === previous.seq + 1) {
    if (followingRecord?.seq === record.seq && chainsTo(previous, followingRecord)) {
      return at('inserted', record.seq, `a second record claims seq ${record.seq}; the next one continues the chain`);
    }
    return at('edited', record.seq, `it does not chain to seq ${previous.seq}: one of the two was altered`);
  }
  const later = await scanRest(following, scene.rest, previous.seq + 1, record);
  if (later.duplicate) return at('inserted', record.seq, 'a copy of a record that appears later, out of place');
  if (later.found) {
    return later.referenced || scene.headHash === record.hash
      ? at('reordered', record.seq, `it comes before seq ${previous.seq + 1}, which appears later`)
      : at('inserted', record.seq, `nothing chains to it, and the chain continues from seq ${previous.seq} later`);
  }
  const missing =
    record.seq - 1 === previous.seq + 1
      ? `seq ${previous.seq + 1} is`
      : `seq ${previous.seq + 1} to ${record.seq - 1} are`;
  if (current.line === 1 && previous.file !== null && wholeDayBetween(previous.file, current.file)) {
    return at(
      'missing-day-file',
      record.seq,
      `${missing} missing between ${previous.file} and ${current.file}: a day file was deleted (or lines at their edges were)`,
    );
  }
  return at('removed', record.seq, `${missing} missing before it`);
}

/** Reads the rest: is `wanted` there, does a later record chain to `record`, is `record` a copy of a later one? */
async function scanRest(first: TrailLine | null, rest: AsyncIterator<TrailLine>, wanted: number, record: AuditRecord) {
  const found = { found: false, referenced: false, duplicate: false };
  const look = (line: TrailLine) => {
    if (line.parsed?.status !== 'valid') return;
    const other = line.parsed.record;
    if (other.seq === wanted) found.found = true;
    if (other.prevHash === record.hash) found.referenced = true;
    if (other.seq === record.seq && other.hash === record.hash) found.duplicate = true;
  };
  if (first) look(first);
  for (let next = await rest.next(); !next.done; next = await rest.next()) look(next.value);
  return found;
}

function wholeDayBetween(earlier: string, later: string): boolean {
  return dayOfFile(later).getTime() - dayOfFile(earlier).getTime() > dayMs;
}
